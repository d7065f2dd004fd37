using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Where a person can be found online: a handle written with its sign (<c>@kaytee_rn92</c>,
/// <c>u/fog_lifting_slowly</c>), a user name after an app or handle cue ("WeChat id zhangwei_sh88",
/// "my insta is kaytee.rn", "Skype: jane.doe"), and an IP address (four numbers up to 255 joined
/// by dots). A word after a cue that is an ordinary English word is no user name ("text me on
/// WhatsApp please").</summary>
internal static class OnlineIdDetector
{
    /// <summary>A handle with its sign; an e-mail address is found as one before this is read.</summary>
    private static readonly Regex Handle = RedactionPatterns.Create(
        @"(?<![\w\].@+\-/])(?:@|\bu/)[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@\[]|\.[A-Za-z])");

    private static readonly Regex Cued = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:we[ \t]?chat|whats[ \t]?app|insta(?:gram)?|ig|twitter|x\.com|tik[ \t]?tok|snap(?:chat)?|telegram|discord|skype|kik|bluesky|facebook|linkedin|reddit|user[ \t]?name|screen[ \t]?name|gamertag)(?![a-z])"
        + @"(?:[ \t]+(?:id|handle|name|user(?:name)?|account|is|me|at|on|:|-)){0,3}[ \t]*[:\-]?[ \t]*@?(?<v>[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{1,30}[A-Za-z0-9_])?)(?![\w@\[])");

    private static readonly Regex IpAddress = RedactionPatterns.Create(
        @"(?<![\w\].\-])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w\[]|\.\d)");

    private static readonly System.Buffers.SearchValues<char> UserNameMarks = System.Buffers.SearchValues.Create("0123456789_.");

    public static DetailFinder Finder { get; } = new(RedactionKind.OnlineId, Find, [Handle, Cued, IpAddress]);

    public static void Find(string text, List<Detected> found)
    {
        RedactionPatterns.AddAll(Handle, text, RedactionKind.OnlineId, found);
        for (var match = Cued.Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"];
            if (LooksLikeUserName(value.ValueSpan))
            {
                found.Add(new Detected(value.Index, value.Length, RedactionKind.OnlineId));
            }
        }

        if (RedactionPatterns.HasDigits(text, 4))
        {
            RedactionPatterns.AddAll(IpAddress, text, RedactionKind.OnlineId, found);
        }
    }

    /// <summary>A user name has a digit, an underscore or a dot in it, or is no English word.</summary>
    private static bool LooksLikeUserName(ReadOnlySpan<char> value) =>
        value.ContainsAny(UserNameMarks) || !Text.EnglishWords.Contains(value.ToString().ToLowerInvariant());
}
