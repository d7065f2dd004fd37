using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Where a person can be found online: a handle written with its sign (<c>@kaytee_rn92</c>, <c>@kev-marchetti</c>,
/// <c>u/fog_lifting_slowly</c>), a user name after an app or handle cue ("WeChat id zhangwei_sh88", "Discord moth.lamp#4471", "venmo $jdoe",
/// "my insta is kaytee.rn", "Skype: jane.doe") or an account cue ("user: bigjohn1971"), and an IP
/// address (four numbers up to 255 joined by dots, or IPv6 in any of its written forms). A word after a cue that is an ordinary English word is no user name ("text me on
/// WhatsApp please").</summary>
internal static class OnlineIdDetector
{
    /// <summary>A handle with its sign; an e-mail address is found as one before this is read.</summary>
    private static readonly Regex Handle = RedactionPatterns.Create(
        @"(?<![\w\].@+\-/])(?:@|\bu/)[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,28}[A-Za-z0-9_])?(?![\w@\[]|\.[A-Za-z])");

    private static readonly Regex Cued = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:we[ \t]?chat|whats[ \t]?app|insta(?:gram)?|ig|twitter|x\.com|tik[ \t]?tok|snap(?:chat)?|telegram|discord|skype|kik|bluesky|facebook|linkedin|reddit|venmo|cash[ \t]?app|paypal|signal|threads|mastodon|twitch|steam|xbox|psn|roblox|user[ \t]?name|screen[ \t]?name|gamertag)(?![a-z])"
        + @"(?:[ \t]+(?:id|handle|name|user(?:name)?|account|is|me|at|on|:|-)){0,3}[ \t]*[:\-]?[ \t]*@?(?<v>\$?[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{1,30}[A-Za-z0-9_])?(?:\#\d{4})?)(?![\w@\[])");

    private static readonly Regex IpAddress = RedactionPatterns.Create(
        @"(?<![\w\].\-])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w\[]|\.\d)");

    /// <summary>What may be an IPv6 address: hex groups joined by colons, at least two colons; read
    /// by <see cref="System.Net.IPAddress.TryParse(string?, out System.Net.IPAddress?)"/>, so a time ("10:30:15") is no address.</summary>
    private static readonly Regex Ip6Candidate = RedactionPatterns.Create(
        @"(?<![\w\].:\-])(?=[0-9A-Fa-f:]{0,37}::|(?:[0-9A-Fa-f]{1,4}:){2})[0-9A-Fa-f:]{2,39}(?:%[0-9A-Za-z]{1,15})?(?![\w\[:]|\.\d)");

    /// <summary>A user name after a cue that names an account ("user: bigjohn1971", "username on the
    /// portal is moonchild_84", "login jdoe_77"): up to five words may stand between, so the name must
    /// hold a letter and a digit or an underscore.</summary>
    private static readonly Regex AccountCued = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:user(?:[ \t]?(?:name|id))?|log[ \t]?in(?:[ \t]?(?:name|id))?|sign[ \t]?in|handle|account[ \t]+name|screen[ \t]?name|gamertag)(?![a-z])"
        + @"(?:[ \t]+[a-z]{1,12}){0,5}?[ \t]*[:=\-]?[ \t]*@?"
        + @"(?<v>(?=[A-Za-z0-9._\-]*[A-Za-z])(?=[A-Za-z0-9._\-]*[\d_])[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{1,30}[A-Za-z0-9_])?)(?![\w@\[]|\.[A-Za-z])");

    /// <summary>"10am", "2nd", "3x": a number with a unit or an ending is no user name.</summary>
    private static readonly Regex NumberWithUnit = RedactionPatterns.Create(@"^\d+[A-Za-z]{1,3}$");

    private static readonly System.Buffers.SearchValues<char> UserNameMarks = System.Buffers.SearchValues.Create("0123456789_.");

    public static DetailFinder Finder { get; } = new(RedactionKind.OnlineId, Find, [Handle, Cued, IpAddress, Ip6Candidate, AccountCued, NumberWithUnit]);

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

        if (RedactionPatterns.HasDigits(text, 1))
        {
            for (var match = AccountCued.Match(text); match.Success; match = match.NextMatch())
            {
                var value = match.Groups["v"];
                if (!NumberWithUnit.IsMatch(value.ValueSpan))
                {
                    found.Add(new Detected(value.Index, value.Length, RedactionKind.OnlineId));
                }
            }
        }
        else if (text.Contains('_', StringComparison.Ordinal))
        {
            RedactionPatterns.AddAll(AccountCued, text, RedactionKind.OnlineId, found);
        }

        if (RedactionPatterns.HasDigits(text, 4))
        {
            RedactionPatterns.AddAll(IpAddress, text, RedactionKind.OnlineId, found);
        }

        if (text.Contains("::", StringComparison.Ordinal) || (RedactionPatterns.HasDigits(text, 2) && text.Contains(':', StringComparison.Ordinal)))
        {
            for (var match = Ip6Candidate.Match(text); match.Success; match = match.NextMatch())
            {
                var address = match.ValueSpan;
                var percent = address.IndexOf('%');
                if (System.Net.IPAddress.TryParse(percent < 0 ? address : address[..percent], out var ip)
                    && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
                {
                    found.Add(new Detected(match.Index, match.Length, RedactionKind.OnlineId));
                }
            }
        }
    }

    /// <summary>A user name has a digit, an underscore or a dot in it, or is no English word.</summary>
    private static bool LooksLikeUserName(ReadOnlySpan<char> value) =>
        value.ContainsAny(UserNameMarks) || !Text.EnglishWords.Contains(value.ToString().ToLowerInvariant());
}
