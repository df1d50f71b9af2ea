using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Reviews;

namespace Tandem.Web.Pages;

/// <summary>A queued review's progress; once it succeeds, htmx is sent on to the report.</summary>
public sealed class JobModel(IWebBackend backend) : PageModel
{
    public WebReview Review { get; private set; } = null!;

    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    /// <summary>The progress section alone, for htmx's polling; a finished review redirects htmx to its report.</summary>
    public IActionResult OnGetProgress(string id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (Review.ReportId is { } reportId)
        {
            Response.Headers["HX-Redirect"] = WebPaths.Report(reportId);
        }

        return Partial("_JobProgress", Review);
    }

    private bool Load(string id)
    {
        if (backend.GetJob(id, backend.CallerOf(User)) is not { } review)
        {
            return false;
        }

        Review = review;
        return true;
    }
}
