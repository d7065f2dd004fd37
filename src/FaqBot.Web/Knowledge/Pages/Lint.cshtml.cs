using FaqBot.Core.Configuration;
using FaqBot.Core.Evaluation;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Knowledge.Pages;

/// <summary><c>/knowledge/lint</c>: what <c>faqbot lint</c> reports, on the folder as last loaded,
/// drafts included: load problems, colliding questions, conflicting facts, dose amounts or
/// judgements of suitability in answers, review dates, quotes not found, broken links and snippets
/// no labelled question reaches (with the project's labelled set, when the host has it).</summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class LintModel(KnowledgeHolder knowledge, IHostEnvironment environment, IOptions<RetrievalOptions> retrieval, IOptions<InputOptions> input, TimeProvider time) : PageModel
{
    public LintReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var labelled = Path.Combine(environment.ContentRootPath, LintSettings.DefaultLabelledSet);
        var settings = new LintSettings(time.Today(), knowledge.Path)
        {
            LabelledQuestions = System.IO.File.Exists(labelled) ? LabelledQuestion.ReadAll(labelled) : null,
            Retrieval = retrieval.Value,
            Input = input.Value,
        };
        Report = await KnowledgeLinter.LintAsync(knowledge.LastLoad, settings, cancellationToken);
    }
}
