using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Reviews;

namespace Tandem.Web.Pages;

/// <summary>A batch's contracts, their status and highest risks; its table is refreshed by htmx until the batch completes.</summary>
public sealed class BatchModel(IWebBackend backend) : PageModel
{
    public WebBatch Batch { get; private set; } = null!;

    public IActionResult OnGet(string id) => Load(id) ? Page() : NotFound();

    /// <summary>The progress section alone, for htmx's polling.</summary>
    public IActionResult OnGetProgress(string id) => Load(id) ? Partial("_BatchProgress", Batch) : NotFound();

    private bool Load(string id)
    {
        // Another caller's batch is "not found", exactly like one that does not exist.
        if (backend.GetBatch(id, backend.CallerOf(User)) is not { } batch)
        {
            return false;
        }

        Batch = batch;
        return true;
    }
}
