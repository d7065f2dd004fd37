using System.Text.RegularExpressions;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// <c>quote-not-found</c> (error): a snippet's <c>source.quote</c> or <c>seeAlso[n].quote</c> that
/// does not occur verbatim (whitespace aside) in its source document. The loader already rejects
/// such a snippet; this rule only labels the loader's diagnostic (field a quote, message saying it
/// does not occur verbatim) with the rule id. A missing or empty quote stays a plain loader error.
/// </summary>
internal static partial class QuoteNotFoundRule
{
    public static LintFinding? From(KnowledgeDiagnostic diagnostic) =>
        diagnostic.IsError && QuoteField().IsMatch(diagnostic.Field) && diagnostic.Message.Contains("verbatim", StringComparison.Ordinal)
            ? LintFinding.Error(LintRules.QuoteNotFound, diagnostic.File, diagnostic.Field, diagnostic.Message)
            : null;

    [GeneratedRegex(@"^(?:source|seeAlso\[\d+\])\.quote$")]
    private static partial Regex QuoteField();
}
