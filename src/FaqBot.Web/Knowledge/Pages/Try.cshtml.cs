using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Knowledge.Pages;

/// <summary><c>/knowledge/try</c>: asks a question against the draft knowledge and shows the
/// answer and its trace beside what patients are served now. Nothing here reaches patients,
/// transcripts or the handoff queue.</summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class TryModel(DraftTrial trial) : PageModel
{
    public const int MaxQuestionLength = 2000;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Question { get; set; }

    public TrialAnswers? Answers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Question))
        {
            return Page();
        }

        if (Question.Length > MaxQuestionLength)
        {
            return BadRequest($"A question of at most {MaxQuestionLength} characters.");
        }

        Answers = await trial.AskAsync(Question, cancellationToken);
        return Page();
    }
}
