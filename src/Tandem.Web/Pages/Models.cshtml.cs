using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Learning;
using Tandem.Web.Retraining;

namespace Tandem.Web.Pages;

/// <summary>
/// The model registry as the caller may see it (lineage, status, gate scores per category), the
/// retraining policy's decision for the caller's audience with the accepted corrections it counts,
/// the decisions recorded and the schedule's next runs, and, for admins only, promotion through the
/// same gate as the API and CLI, scoring on the gate set, and a local retrain queued as the API does.
/// </summary>
public sealed class ModelsModel(IWebBackend backend, ModelService models, RetrainService retrain, IWebRetraining retraining, IAccessPolicy access,
    IOptions<RetrainPolicy> policy) : PageModel
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

    /// <summary>Why the last action could not be done.</summary>
    public string? Error { get; private set; }

    /// <summary>What the last action did (a model scored).</summary>
    public string? Notice { get; private set; }

    /// <summary>The retraining schedule's tasks with their next runs.</summary>
    public IReadOnlyList<WebScheduledRun> Schedule { get; private set; } = [];

    /// <summary>The folder offered for a retrain or a scoring: the scheduled retrain's.</summary>
    public string? ScheduledData => retraining.ScheduledData;

    /// <summary>The retrain job to follow (admins), from <c>?job=</c>: ids only in the address.</summary>
    [BindProperty(SupportsGet = true, Name = "job")]
    public string? JobId { get; set; }

    /// <summary>The followed retrain job's progress.</summary>
    public WebRetrainJob? Job { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Promotes a candidate through the gate (admins only); a refusal shows every reason of the gate.</summary>
    public async Task<IActionResult> OnPostPromoteAsync(string? id, double? margin, bool force, string? reason, CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        if ((await RefusedAsync(caller, "promote models", cancellationToken) ?? NotInRegistry(id)) is { } refused)
        {
            return refused;
        }

        try
        {
            // Force without a reason is an empty reason, which the service refuses, as the CLI's --force without --reason.
            Promotion = await models.PromoteAsync(id!, (margin ?? DefaultMargin) / 100, force ? reason ?? string.Empty : null, caller, cancellationToken);
        }
        catch (TandemException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = e.ToUserMessage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Scores a model on the held-out gate contracts of a folder on the server and records the scores (admins), as POST /api/models/{id}/evaluate.</summary>
    public async Task<IActionResult> OnPostEvaluateAsync(string? id, string? data, CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        if ((await RefusedAsync(caller, "evaluate models", cancellationToken) ?? NotInRegistry(id)) is { } refused)
        {
            return refused;
        }

        try
        {
            var scores = await models.EvaluateAsync(id!, new ModelEvaluation { DataFolder = data?.Trim() ?? string.Empty }, caller, cancellationToken: cancellationToken);
            Notice = $"{id} scored on the gate set: pooled AUPR {scores.Aupr.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}";
        }
        catch (TandemException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = e.ToUserMessage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Queues a local retrain of the analyst on a folder on the server (admins), as POST /api/retrain/local; the page then follows its job.</summary>
    public async Task<IActionResult> OnPostRetrainAsync(string? data, CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        if (await RefusedAsync(caller, "retrain models", cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            return Redirect($"{WebPaths.Root}/models?job={Uri.EscapeDataString(retraining.QueueRetrain(data?.Trim(), caller))}#retrain-job");
        }
        catch (TandemException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = e.ToUserMessage();
            return Page();
        }
    }

    /// <summary>Where a model lives, as the caller may see it: admins the whole location, others a file's name only.</summary>
    public string LocationOf(RegisteredModel model) =>
        IsAdmin || !Path.IsPathRooted(model.Location) ? model.Location : Path.GetFileName(model.Location);

    /// <summary>
    /// Loads the page, and refuses an admin's action to anyone else: 403 (the services refuse too;
    /// the page says so before they are asked). Null to go on.
    /// </summary>
    private async Task<IActionResult?> RefusedAsync(Principal caller, string action, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (IsAdmin)
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        Error = $"only admins {action}; you ({caller.UserId}) are not one";
        return Page();
    }

    /// <summary>A 404 page for a model the loaded registry does not hold; null when it does.</summary>
    private PageResult? NotInRegistry(string? id)
    {
        if (id is not null && Registry.Any(m => m.Id == id))
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        Error = "no such model in the registry";
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var caller = backend.CallerOf(User);
        IsAdmin = access.IsAdmin(caller);
        Schedule = retraining.Schedule();
        // A retrain job's status is for admins, as GET /api/retrain/jobs/{id}.
        Job = IsAdmin && JobId is { Length: > 0 } job ? retraining.GetRetrainJob(job) : null;
        Registry = [.. (await models.ListAsync(caller, cancellationToken)).OrderByDescending(m => m.CreatedAt)];
        Decisions = await models.ListDecisionsAsync(caller, cancellationToken);
        Decision = await retrain.DecideAsync("local", caller.AccessTokens, caller, cancellationToken: cancellationToken);
    }
}
