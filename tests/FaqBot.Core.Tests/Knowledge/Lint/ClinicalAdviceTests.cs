using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class ClinicalAdviceTests
{
    [Theory]
    [InlineData("The usual dose is 0.5 mg/kg over 40 minutes.", "0.5 mg/kg")]
    [InlineData("Most adults get 35 mg.", "35 mg")]
    [InlineData("Most adults get 35mg.", "35mg")]
    [InlineData("The nasal spray holds 2 ml.", "2 ml")]
    [InlineData("The dose is worked out in milligrams per kilogram of body weight.", "milligrams per kilogram")]
    [InlineData("It is dosed at 0.5 per kg.", "per kg")]
    [InlineData("You are a good candidate for ketamine.", "You are a good candidate")]
    [InlineData("You're an ideal candidate.", "You're an ideal candidate")]
    [InlineData("This is safe for you.", "safe for you")]
    [InlineData("Ketamine is suitable for you if you have depression.", "suitable for you")]
    [InlineData("You should stop taking your medication the day before.", "You should stop taking your medication")]
    [InlineData("Stop taking your antidepressants a week before.", "Stop taking your")]
    [InlineData("It will work for you.", "will work for you")]
    public async Task A_dose_or_a_judgement_in_an_answer_is_an_error(string sentence, string quoted)
    {
        using var folder = Linting.ShippedWith("zz-advice", SnippetText.Of(
            "zz-advice", "Advice", ["Is there advice in this test answer?"], "Thank you for asking. " + sentence, status: "draft"));

        var report = await Linting.LintAsync(folder);

        var finding = Linting.Single(report, LintRules.ClinicalAdviceInAnswer, "snippets/zz-advice.md", "body");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Contains($"\"{quoted}\"", finding.Message, StringComparison.Ordinal);
        Assert.True(report.HasErrors);
    }

    [Theory]
    [InlineData("Omg, the mgmt team at our clinic is lovely.")]
    [InlineData("Your dose is worked out by your clinician at your consultation.")]
    [InlineData("Whether ketamine is suitable for you is decided with a clinician at a consultation.")]
    [InlineData("If you are unsure whether it is safe for you, ask your clinician.")]
    [InlineData("Tell us about the medications you take.")]
    [InlineData("You should not drive a car for the rest of the day.")]
    [InlineData("An infusion takes about 40 minutes and costs nothing extra.")]
    [InlineData("Our team is here for you.")]
    public async Task Near_misses_are_not_clinical_advice(string sentence)
    {
        using var folder = Linting.ShippedWith("zz-advice", SnippetText.Of(
            "zz-advice", "Advice", ["Is there advice in this test answer?"], sentence, status: "draft"));

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.ClinicalAdviceInAnswer));
    }

    [Fact]
    public async Task An_approved_snippet_is_checked_too()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("snippets/what-to-wear.md", "Wear loose-fitting, comfortable clothing", "You are a good candidate. Wear loose-fitting, comfortable clothing");

        var report = await Linting.LintAsync(folder);

        Linting.Single(report, LintRules.ClinicalAdviceInAnswer, "snippets/what-to-wear.md", "body");
    }
}
