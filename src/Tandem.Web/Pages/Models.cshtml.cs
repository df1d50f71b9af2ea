using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Learning;

namespace Tandem.Web.Pages;

/// <summary>
/// The model registry as the caller may see it (lineage, status, gate scores per category), the
/// retraining policy's decision for the caller's audience with the accepted corrections it counts,
/// the decisions recorded, and, for admins only, promotion through the same gate as the API and CLI.
/// </summary>
public sealed class ModelsModel(IWebBackend backend, ModelService models, RetrainService retrain, IAccessPolicy access, IOptions<RetrainPolicy> policy)
    : PageModel
{
    /// <summary>The promotion margin offered, in AUPR points (as <c>tandem models promote</c>).</summary>
    public const double DefaultMargin = 1.0;

    public IReadOnlyList<RegisteredModel> Registry { get; private set; } = [];

    public IReadOnlyList<RetrainDecision> Decisions { get; private set; } = [];

    /// <summary>What the retraining policy would decide now for the local analyst, for the caller's audience.</summary>
    public RetrainDecision? Decision { get; private set; }

    public RetrainPolicy Policy => policy.Value;

    public bool IsAdmin { get; private set; }

    /// <summary>The last promotion attempt's result, when there was one.</summary>
    public Promotion? Promotion { get; private set; }

    /// <summary>Why the last promotion could not be attempted.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Promotes a candidate through the gate (admins only); a refusal shows every reason of the gate.</summary>
    public async Task<IActionResult> OnPostPromoteAsync(string? id, double? margin, bool force, string? reason, CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        if (!access.IsAdmin(caller))
        {
            // The service refuses too; the page says so before it is asked.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Error = $"only admins promote models; you ({caller.UserId}) are not one";
            await LoadAsync(cancellationToken);
            return Page();
        }

        await LoadAsync(cancellationToken);
        if (id is null || Registry.All(m => m.Id != id))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Error = "no such model in the registry";
            return Page();
        }

        try
        {
            // Force without a reason is an empty reason, which the service refuses, as the CLI's --force without --reason.
            Promotion = await models.PromoteAsync(id, (margin ?? DefaultMargin) / 100, force ? reason ?? string.Empty : null, caller, cancellationToken);
        }
        catch (TandemException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = e.ToUserMessage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Where a model lives, as the caller may see it: admins the whole location, others a file's name only.</summary>
    public string LocationOf(RegisteredModel model) =>
        IsAdmin || !Path.IsPathRooted(model.Location) ? model.Location : Path.GetFileName(model.Location);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        IsAdmin = access.IsAdmin(caller);
        Registry = [.. (await models.ListAsync(caller, cancellationToken)).OrderByDescending(m => m.CreatedAt)];
        Decisions = await models.ListDecisionsAsync(caller, cancellationToken);
        Decision = await retrain.DecideAsync("local", caller.AccessTokens, caller, cancellationToken: cancellationToken);
    }
}
