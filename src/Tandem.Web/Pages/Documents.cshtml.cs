using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Web.Pages;

/// <summary>
/// The knowledge base: the documents the caller may read, and hybrid search over their clauses
/// (the index GET /api/search uses) with the query's words marked in each hit. The query is posted,
/// never put in the address, so it stays out of history, proxies and request logs.
/// </summary>
public sealed class DocumentsModel(IWebBackend backend, IDocumentStore store, RetrievalIndex index) : PageModel
{
    /// <summary>The longest query accepted, as the search API's.</summary>
    public const int MaxQueryLength = 2000;

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public string? Query { get; private set; }

    public IReadOnlyList<Passage>? Hits { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = await store.ListDocumentsAsync(backend.CallerOf(User), cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostSearchAsync(string? q, CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        Documents = await store.ListDocumentsAsync(caller, cancellationToken: cancellationToken);
        Query = q?.Trim();
        if (string.IsNullOrEmpty(Query) || Query.Length > MaxQueryLength)
        {
            Error = string.IsNullOrEmpty(Query) ? "type the words to look for" : $"the query is {Query.Length} characters long; at most {MaxQueryLength} are accepted";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Hits = await index.SearchAsync(Query, caller, RetrievalConfig.Parse("hybrid"), 10, cancellationToken);
        return Page();
    }
}
