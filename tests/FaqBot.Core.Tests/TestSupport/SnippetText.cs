namespace FaqBot.Core.Tests.TestSupport;

/// <summary>Builds snippet files for tests. The default quote occurs in the shipped source
/// 'benefits-and-risks'.</summary>
internal static class SnippetText
{
    public const string Quote = "wear loose-fitting clothing";

    public static string Of(
        string id,
        string title,
        string[] questions,
        string body,
        string status = "approved",
        string reviewBy = "2099-01-01",
        string document = "benefits-and-risks",
        string quote = Quote,
        int version = 3) =>
        $"""
        ---
        id: {id}
        title: "{title}"
        questions:
        {string.Concat(questions.Select(q => $"  - \"{q}\"\n"))}tags: [test]
        source:
          document: {document}
          section: "Test section"
          quote: "{quote}"
        status: {status}
        approvedBy: "Test Clinician"
        approvedOn: 2026-01-01
        reviewBy: {reviewBy}
        version: {version}
        ---
        {body}

        """;
}
