using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Learning;

namespace Tandem.Web.Pages;

/// <summary>
/// The reviewer queue: corrections on reports the caller may read (pending by default), the original
/// and corrected finding side by side, accepted or rejected one or many at a time through the same
/// service and rules as POST /api/corrections/{id}/accept and /reject.
/// </summary>
public sealed class CorrectionsModel(IWebBackend backend, CorrectionService corrections) : PageModel
{
    /// <summary>Which corrections are listed: pending, accepted or rejected.</summary>
    [BindProperty(SupportsGet = true)]
    public string Status { get; set; } = "pending";

    public IReadOnlyList<RecordedCorrection> Listed { get; private set; } = [];

    /// <summary>What the last decision did, one line per outcome (kept across the redirect after it).</summary>
    [TempData]
    public string? Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CorrectionService.States.Contains(Status, StringComparer.Ordinal))
        {
            Status = "pending";
        }

        Listed = [.. (await corrections.ListAsync(backend.CallerOf(User), Status, cancellationToken)).OrderByDescending(c => c.Correction.CreatedAt)];
        return Page();
    }

    /// <summary>Accepts or rejects every checked correction; each is decided on its own, and the page says what became of each.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] List<string> ids, [FromForm] string? decision, CancellationToken cancellationToken)
    {
        if (decision is not ("accept" or "reject"))
        {
            return BadRequest();
        }

        if (ids.Count == 0)
        {
            Outcome = "nothing was chosen; check the corrections to decide, then accept or reject them";
            return Redirect("/app/corrections");
        }

        var caller = backend.CallerOf(User);
        var outcomes = new List<CorrectionReview>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            outcomes.Add(await corrections.ReviewAsync(id, decision == "accept", caller, cancellationToken));
        }

        Outcome = string.Join("; ", outcomes.GroupBy(o => o).Select(g => $"{g.Count()} {Describe(g.Key)}"));
        return Redirect("/app/corrections");
    }

    private static string Describe(CorrectionReview outcome) => outcome switch
    {
        CorrectionReview.Accepted => "accepted",
        CorrectionReview.Rejected => "rejected",
        CorrectionReview.NotAllowed => "not yours to review (its document's owner, an admin, or a reviewer other than its author reviews it)",
        CorrectionReview.AlreadyReviewed => "reviewed already",
        _ => "not found",
    };
}
