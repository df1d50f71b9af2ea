using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Access;
using Tandem.Store;

namespace Tandem.Web.Pages;

/// <summary>
/// One document the caller may read: its clauses, versions and who may read it; its owner and admins
/// see the access history and change the access list (through the lifecycle service the API uses).
/// A document the caller may not read is "not found".
/// </summary>
public sealed class DocumentModel(IWebBackend backend, IDocumentStore store, IDocumentLifecycle lifecycle, IAccessPolicy access) : PageModel
{
    public StoredDocument? Document { get; private set; }

    public DocumentVersions? Versions { get; private set; }

    /// <summary>Whether the caller may change who reads it (its owner or an admin).</summary>
    public bool CanChange { get; private set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFoundPage();

    /// <summary>Replaces the access list ("alice, group:legal"); the owner always keeps access.</summary>
    public async Task<IActionResult> OnPostAccessAsync(string id, string? readers, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFoundPage();
        }

        if (!CanChange)
        {
            Error = "only the document's owner or an admin may change who reads it; ask its owner";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        try
        {
            var change = await lifecycle.SetAccessAsync(id, AccessList.Parse(readers ?? string.Empty), backend.CallerOf(User), cancellationToken);
            return change == DocumentChange.NotFound ? NotFoundPage() : Redirect($"/app/documents/{Uri.EscapeDataString(id)}?saved=true");
        }
        catch (TandemException e)
        {
            Error = e.ToUserMessage();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        if (await store.GetDocumentAsync(id, caller, cancellationToken) is not { } document
            || await lifecycle.GetVersionsAsync(id, caller, cancellationToken) is not { } versions)
        {
            return false;
        }

        Document = document;
        Versions = versions;
        CanChange = access.CanChange(caller, document.Owner);
        return true;
    }

    private PageResult NotFoundPage()
    {
        Document = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
