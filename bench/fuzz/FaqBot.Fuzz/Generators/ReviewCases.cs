namespace FaqBot.Fuzz.Generators;

/// <summary>The reviewer's and staff's transcript pages: <c>/review</c> and its filters, one
/// conversation and its actions (reviewed, tags, note, delete), the CSV and transcript exports,
/// <c>/handoffs</c> and its status changes, <c>/unanswered</c>: dates at the ends of the calendar,
/// numbers past 32 and 64 bits, unknown and hostile ids.</summary>
internal static class ReviewCases
{
    private static readonly string[] Outcomes = ["any", "answered", "declinedurgent", "DECLINED", "9", "-1", "Answered,Declined", ""];

    public static FuzzRequest[] Next(Random random, FuzzContext context)
    {
        var id = ConversationId(random, context);
        var page = "/review/conversation?id=" + id;
        return random.Next(11) switch
        {
            0 => [Staff.Get(random, context, "/review", "list with filters", Url.Query("/review", Filters(random)))],
            1 => [Staff.Get(random, context, "/review/export.csv", "CSV export with filters", Url.Query("/review/export.csv", Filters(random)))],
            2 => [Staff.Get(random, context, "/review/conversation", "one conversation", page)],
            3 => [Staff.Get(random, context, "/review/conversation/transcript", "transcript export", "/review/conversation/transcript?id=" + id)],
            4 => [Staff.Post(random, context, "/review/conversation", "mark reviewed", page + "&handler=Reviewed", ("reviewed", Bool(random)))],
            5 => [Staff.Post(random, context, "/review/conversation", "tags", page + "&handler=Tags", ("tags", Tags(random)))],
            6 => [Staff.Post(random, context, "/review/conversation", "note", page + "&handler=Note", ("note", Hostile.Text(random, random.Next(2) == 0 ? 300 : 200_000)))],
            7 => [Staff.Post(random, context, "/review/conversation", "delete", page + "&handler=Delete")],
            8 => [Staff.Get(random, context, "/handoffs", "handoff queue", Url.Query("/handoffs", ("showClosed", Bool(random))))],
            9 => [Staff.Post(random, context, "/handoffs", "handoff status", "/handoffs?handler=Status", ("id", Hostile.Number(random)), ("status", Status(random)))],
            _ => [Staff.Get(random, context, "/unanswered", "unanswered report", Url.Query("/unanswered", ("from", Hostile.Day(random)), ("to", Hostile.Day(random))))],
        };
    }

    private static (string, string)[] Filters(Random random) =>
    [
        ("from", Hostile.Day(random)),
        ("to", Hostile.Day(random)),
        ("outcome", Outcomes[random.Next(Outcomes.Length)]),
        ("low", Bool(random)),
        ("negative", Bool(random)),
        ("reviewed", random.Next(3) switch { 0 => "yes", 1 => "no", _ => Hostile.Text(random, 5) }),
        ("page", Hostile.Number(random)),
    ];

    /// <summary>A conversation the host has, or none, two, an unknown, huge or hostile id (encoded).</summary>
    private static string ConversationId(Random random, FuzzContext context) => random.Next(6) switch
    {
        < 3 => context.ConversationIds[random.Next(context.ConversationIds.Count)],
        3 => Url.Encode(Hostile.Id(random)),
        4 => "a%2Fb&id=" + context.ConversationIds[0],
        _ => Url.Encode(Hostile.Word(random, random.Next(1_000, 7_000), "abcdef0123456789")),
    };

    private static string Tags(Random random) => random.Next(3) switch
    {
        0 => "follow-up, dosing",
        1 => string.Join(',', Enumerable.Range(0, random.Next(20, 2_000)).Select(i => "t" + i)),
        _ => Hostile.Text(random, 500),
    };

    private static string Status(Random random) => random.Next(4) switch
    {
        0 => "Contacted",
        1 => "closed",
        2 => Hostile.Number(random),
        _ => Hostile.Text(random, 20),
    };

    private static string Bool(Random random) => random.Next(4) switch
    {
        0 => "true",
        1 => "false",
        2 => "True,false",
        _ => Hostile.Text(random, 6),
    };
}
