using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Economics;
using Tandem.Web.Costs;

namespace Tandem.Web.Pages;

/// <summary>
/// What the loop costs, through the same services as <c>/api/usage</c>, <c>/api/roi</c> and
/// <c>/api/advice</c>: the caller's metered model calls per model and strategy (admins see
/// everyone's, as the API), the ROI of a fine-tune with what-ifs, and the advisor's recommendation.
/// </summary>
public sealed class CostsModel(IWebBackend backend, UsageService usage, PriceBook prices, AdviceService advice) : PageModel
{
    /// <summary>The usage window offered first, in days (as the API's default).</summary>
    public const int DefaultDays = 30;

    public int Days { get; private set; } = DefaultDays;

    public UsageReport? Usage { get; private set; }

    /// <summary>The ROI form's values: the defaults, or what was posted.</summary>
    public IReadOnlyDictionary<string, string> RoiValues { get; private set; } = RoiForm.Defaults();

    public RoiScenario? Scenario { get; private set; }

    public RoiResult? Roi { get; private set; }

    public IReadOnlyList<RoiWhatIf> WhatIfs { get; private set; } = [];

    /// <summary>The advisor's answers as posted (key to "true", "false" or the frequency).</summary>
    public IReadOnlyDictionary<string, string> AdviceValues { get; private set; } = new Dictionary<string, string>();

    public Advice? Advice { get; private set; }

    /// <summary>Why the last request could not be answered, one line.</summary>
    public string? Error { get; private set; }

    /// <summary>Which form the error belongs to: "usage", "roi" or "advice".</summary>
    public string? ErrorFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? days, CancellationToken cancellationToken)
    {
        await LoadUsageAsync(days ?? DefaultDays, cancellationToken);
        return Page();
    }

    /// <summary>Prices the posted scenario as <c>POST /api/roi</c> does, with the what-ifs.</summary>
    public async Task<IActionResult> OnPostRoiAsync(CancellationToken cancellationToken)
    {
        var values = RoiForm.ValuesOf(Request.Form);
        RoiValues = values;
        try
        {
            var scenario = RoiScenarioLoader.Parse(RoiForm.ToJson(values, "Your scenario"), "(form)", prices);
            Roi = RoiCalculator.Calculate(scenario);
            WhatIfs = [.. RoiForm.WhatIfs.Select(w => new RoiWhatIf(w.Label, RoiCalculator.Calculate(scenario.With(w.Variable, w.Value))))];
            Scenario = scenario;
        }
        catch (TandemException e)
        {
            Fail("roi", e);
        }

        await LoadUsageAsync(DefaultDays, cancellationToken);
        return Page();
    }

    /// <summary>Asks the advisor as <c>POST /api/advice</c> does, for the caller (it measures the caller's store and usage).</summary>
    public async Task<IActionResult> OnPostAdviceAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in AdvisorQuestion.All.Select(q => q.Key).Append("knowledge_changes"))
        {
            if (!string.IsNullOrWhiteSpace(Request.Form[key]))
            {
                values[key] = Request.Form[key].ToString();
            }
        }

        AdviceValues = values;
        try
        {
            var answers = new AdvisorAnswers
            {
                KnowledgeChanges = AdvisorAnswersLoader.ParseChange(values.GetValueOrDefault("knowledge_changes"), "knowledge_changes"),
                CitationsRequired = Answer(values, "citations_required"),
                DataTooLargeForTraining = Answer(values, "data_too_large_for_training"),
                PerUserAccess = Answer(values, "per_user_access"),
                FixedOutputFormat = Answer(values, "fixed_output_format"),
                DomainReasoning = Answer(values, "domain_reasoning"),
                LatencyRulesOutRetrieval = Answer(values, "latency_rules_out_retrieval"),
                MisunderstandsTerms = Answer(values, "misunderstands_terms"),
            };
            Advice = await advice.AdviseAsync(answers, backend.CallerOf(User), cancellationToken: cancellationToken);
        }
        catch (TandemException e)
        {
            Fail("advice", e);
        }

        await LoadUsageAsync(DefaultDays, cancellationToken);
        return Page();
    }

    /// <summary>A bar's length, 0-1, of <paramref name="value"/> against the largest of its column.</summary>
    public static double Share(decimal value, decimal largest) => largest <= 0 || value <= 0 ? 0 : (double)Math.Min(1, value / largest);

    private async Task LoadUsageAsync(int days, CancellationToken cancellationToken)
    {
        Days = days;
        try
        {
            Usage = await usage.SummariseAsync(backend.CallerOf(User), days, cancellationToken: cancellationToken);
        }
        catch (TandemException e)
        {
            Fail("usage", e);
        }
    }

    private void Fail(string form, TandemException e)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Error = e.ToUserMessage();
        ErrorFor = form;
    }

    private static bool? Answer(Dictionary<string, string> values, string key) =>
        values.GetValueOrDefault(key) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => throw new TandemException($"{key} must be yes, no or not answered, not '{other}'", "choose one of the three"),
        };
}
