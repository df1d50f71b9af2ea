using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Analysis;
using Tandem.Prompting;
using Tandem.Store;

namespace Tandem.Web.Pages;

/// <summary>
/// Upload and review: one file is reviewed now (its report) or queued (its job's page); many are a
/// batch (its page), through the same queues as POST /api/reviews and POST /api/batches.
/// </summary>
public sealed class IndexModel(IWebBackend backend, NamedPlaybooks playbooks) : PageModel
{
    /// <summary>What the file picker offers: the formats the readers take.</summary>
    public const string Accept = ".pdf,.docx,.html,.htm,.md,.markdown,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/markdown,text/plain";

    /// <summary>Sides offered as suggestions; any role or party name is accepted.</summary>
    public static IReadOnlyList<string> Sides { get; } = [.. ReviewSide.ReceivingRoles, "Provider", "Supplier", "Licensor", "Disclosing Party", "Seller"];

    public string? Error { get; private set; }

    /// <summary>The playbooks a review may use, the standard one first (the default).</summary>
    public IReadOnlyList<NamedPlaybook> Playbooks => playbooks.All;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] List<IFormFile> files, [FromForm(Name = "for")] string? side, [FromForm] string? type,
        [FromForm] string? playbook, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            Error = "no file was chosen; choose one or more contracts (PDF, DOCX, HTML, Markdown or text)";
            return Page();
        }

        var kind = string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToLowerInvariant();
        if (kind is not null && !ContractKinds.IsKnown(kind))
        {
            Error = $"unknown contract type '{type}'; choose one from the list";
            return Page();
        }

        NamedPlaybook chosen;
        try
        {
            chosen = playbooks.Get(playbook);
        }
        catch (TandemException e)
        {
            Error = e.Message + "; choose one from the list";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var request = new ReviewRequest
        {
            PlaybookPath = chosen.Path,
            Options = new AnalysisOptions { ForParty = string.IsNullOrWhiteSpace(side) ? null : side.Trim(), ContractKind = kind },
            Strategy = PromptStrategy.BuiltIn[0],
        };
        var caller = backend.CallerOf(User);
        var streams = files.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var uploads = files.Select((f, i) => new UploadedFile(f.FileName, streams[i])).ToList();
            if (uploads.Count == 1)
            {
                var review = await backend.ReviewAsync(uploads[0], request, caller, cancellationToken);
                return Redirect(review.ReportId is { } reportId ? WebPaths.Report(reportId) : WebPaths.Job(review.JobId!));
            }

            return Redirect(WebPaths.Batch(await backend.ReviewBatchAsync(uploads, request, caller, cancellationToken)));
        }
        catch (TandemException e)
        {
            Error = e.ToUserMessage();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
