namespace FaqBot.Fuzz.Generators;

/// <summary>Anonymous patient messages over Direct Line, as Web Chat posts them, of up to 20,000
/// characters of hostile text: one long unknown word, <c>kms</c> repeated with and without spaces,
/// digits, noncharacters around an urgent sentence, emoji, right-to-left text, lone surrogates.
/// Half are exactly 20,000 characters: the report gives the slowest of those.</summary>
internal static class PatientMessages
{
    private const string Route = "/v3/directline/conversations/{id}/activities";

    public static FuzzRequest[] Next(Random random, FuzzContext context)
    {
        var conversation = context.Conversation(random);
        var length = random.Next(2) == 0 ? Hostile.LongestMessage : random.Next(300, Hostile.LongestMessage + 1);
        var (shape, text) = Text(random, length);
        var escaped = random.Next(3) == 0;
        var json = $$"""{"type":"message","from":{"id":"{{conversation.UserId}}"},"locale":"en-US","textFormat":"plain","text":{{Hostile.Quote(text, escaped)}}}""";
        var request = FuzzRequest.Json(Route, $"patient message: {shape}{(escaped ? ", escaped" : "")}", "POST", $"/v3/directline/conversations/{conversation.Id}/activities", json)
            .WithHeader("Authorization", "Bearer " + conversation.Token);
        return [request with { PatientMessageLength = text.Length }];
    }

    /// <summary>The hostile text of one message, <paramref name="length"/> characters long.</summary>
    public static (string Shape, string Text) Text(Random random, int length) => random.Next(11) switch
    {
        0 => ("one long unknown word", Hostile.Word(random, length, "abcdefghijklmnopqrstuvwxyz")),
        1 => ("one long word of letters and digits", Hostile.Word(random, length, "abcxyz0123456789")),
        2 => ("digits repeated", Hostile.Repeat("1234567890", length)),
        3 => ("kms repeated without spaces", Hostile.Repeat("kms", length)),
        4 => ("kms repeated with spaces", Hostile.Repeat("kms ", length)),
        5 => ("noncharacters around an urgent sentence", Around(Hostile.Repeat("\uFFFE\uFFFF", length), "I want to kill myself", random)),
        6 => ("emoji", Hostile.Repeat("💊🔪👨‍👩‍👧", length)),
        7 => ("right-to-left text and direction marks", Hostile.Repeat("\u202Eمرحبا שלום\u200F\u2067", length)),
        8 => ("lone surrogates", Hostile.Repeat("\uD800a\uDC00", length)),
        9 => ("words of any kind", Hostile.Fill(random, length)),
        _ => ("a question said again and again", Hostile.Repeat("can I drive home after the infusion? ", length)),
    };

    /// <summary>The sentence put at a random place inside the noise, the length kept.</summary>
    private static string Around(string noise, string sentence, Random random)
    {
        var at = random.Next(noise.Length - sentence.Length - 4);
        return noise[..at] + ". " + sentence + ". " + noise[(at + sentence.Length + 4)..];
    }
}
