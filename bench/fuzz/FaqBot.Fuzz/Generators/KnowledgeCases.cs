using System.Globalization;

namespace FaqBot.Fuzz.Generators;

/// <summary>The staff knowledge pages: the list, lint, the try panel, a snippet, its history, the
/// editor (drafts with hostile fields) and approve, retire and discard, on shipped snippets, the
/// fuzzer's own drafts and unknown or hostile ids. Shipped snippets are only ever sent stale
/// versions, so the run never takes them off the air; the fuzzer's drafts take every action.</summary>
internal static class KnowledgeCases
{
    private const int Drafts = 4;

    public static FuzzRequest[] Next(Random random, FuzzContext context)
    {
        var (kind, id) = SnippetId(random, context);
        var snippet = "/knowledge/snippets/" + id;
        var version = kind == "shipped" ? StaleVersion(random) : Version(random);
        return random.Next(12) switch
        {
            0 => [Staff.Get(random, context, "/knowledge", "snippet list", Url.Query("/knowledge", ("q", Hostile.Text(random, 50))))],
            1 => [Staff.Get(random, context, "/knowledge/lint", "lint", "/knowledge/lint")],
            2 => [Staff.Get(random, context, "/knowledge/try", "try panel", Url.Query("/knowledge/try", ("q", Hostile.Text(random, random.Next(2) == 0 ? 2_000 : 3_000))))],
            3 => [Staff.Get(random, context, "/knowledge/snippets/{id}", $"{kind} snippet", snippet)],
            4 => [Staff.Get(random, context, "/knowledge/snippets/{id}/history", $"{kind} snippet history", snippet + "/history")],
            5 => [Staff.Get(random, context, "/knowledge/edit/{id?}", $"editor of a {kind} snippet", Url.Query("/knowledge/edit/" + id, Prefilled(random)))],
            6 => [Staff.Post(random, context, "/knowledge", "form post to the list", "/knowledge", ("q", "x"))],
            7 => [Staff.Post(random, context, "/knowledge/lint", "form post to lint", "/knowledge/lint")],
            8 => [Staff.Post(random, context, "/knowledge/edit/{id?}", $"save a draft of a {kind} snippet", kind == "new" ? "/knowledge/edit" : "/knowledge/edit/" + id, Draft(random, id, version))],
            9 => [Staff.Post(random, context, "/knowledge/snippets/{id}", $"approve a {kind} snippet", snippet + "?handler=Approve", ("version", version), ("reviewBy", Hostile.Day(random)))],
            10 => [Staff.Post(random, context, "/knowledge/snippets/{id}", $"retire a {kind} snippet", snippet + "?handler=Retire", ("version", version))],
            _ => [Staff.Post(random, context, "/knowledge/snippets/{id}", $"discard a draft of a {kind} snippet", snippet + "?handler=Discard", ("version", version))],
        };
    }

    private static (string Kind, string Id) SnippetId(Random random, FuzzContext context) => random.Next(6) switch
    {
        < 2 => ("shipped", context.SnippetIds[random.Next(context.SnippetIds.Count)]),
        < 4 => ("new", "fuzz-draft-" + random.Next(Drafts).ToString(CultureInfo.InvariantCulture)),
        4 => ("unknown", "no-such-snippet-" + random.Next(1_000).ToString(CultureInfo.InvariantCulture)),
        _ => ("hostile", Url.Encode(Hostile.Id(random))),
    };

    private static string Version(Random random) => random.Next(2) == 0 ? random.Next(0, 4).ToString(CultureInfo.InvariantCulture) : Hostile.Number(random);

    private static string StaleVersion(Random random) => random.Next(2) == 0 ? "1000000" : Hostile.Text(random, 8);

    private static (string, string)[] Prefilled(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => ("q", Hostile.Text(random, random.Next(2) == 0 ? 80 : 5_000)))];

    /// <summary>The editor's fields: a plausible draft with some fields made hostile.</summary>
    private static (string, string)[] Draft(Random random, string id, string version)
    {
        (string Name, string Value)[] fields =
        [
            ("Form.Id", id),
            ("Form.Title", "Fuzz draft"),
            ("Form.Questions", "What does the fuzzer ask?\nAnything at all?"),
            ("Form.Tags", "fuzz"),
            ("Form.SourceDocument", "benefits-and-risks"),
            ("Form.SourceSection", "Fuzz"),
            ("Form.SourceQuote", "wear loose-fitting clothing"),
            ("Form.SeeAlso", ""),
            ("Form.ReviewBy", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Form.Body", "Wear loose-fitting clothing."),
            ("Form.BaseVersion", version),
        ];
        for (var changes = random.Next(0, 4); changes > 0; changes--)
        {
            var at = random.Next(fields.Length);
            fields[at] = (fields[at].Name, random.Next(3) switch
            {
                0 => Hostile.Text(random, 200),
                1 => fields[at].Name == "Form.ReviewBy" ? Hostile.Day(random) : Hostile.Text(random, 100_000),
                _ => "a | b | c\n|||\n" + Hostile.Text(random, 40),
            });
        }

        return random.Next(10) == 0 ? [.. fields, .. Enumerable.Range(0, 2_000).Select(i => ("k" + i, "v"))] : fields;
    }
}
