using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Economics;
using static Tandem.Server.Tests.Problems;

namespace Tandem.Server.Tests;

/// <summary><c>/api/usage</c>, <c>/api/roi</c> and <c>/api/advice</c>: one's own usage (admins: everyone's or one user's), a scenario's payback, and advice.</summary>
public sealed class EconomicsApiTests : IAsyncLifetime
{
    private readonly ServerFactory _factory = new();
    private HttpClient _alice = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _alice = await _factory.ClientForAsync("alice");
        _admin = await _factory.ClientForAsync("root", "admin");
        var ledgers = _factory.Services.GetRequiredService<IUsageLedgers>();
        var now = DateTimeOffset.UtcNow;
        await ledgers.For(new Principal("alice")).RecordAsync(new UsageEntry(now, "reviewer", "gpt-x", "analyze", 1000, 0, 100, TimeSpan.FromMilliseconds(200), 0.25m, true, "few-shot", 500));
        await ledgers.For(new Principal("bob")).RecordAsync(new UsageEntry(now, "reviewer", "gpt-x", "analyze", 3000, 0, 100, TimeSpan.FromMilliseconds(400), 1.5m, true, "few-shot"));
    }

    public async ValueTask DisposeAsync()
    {
        _alice.Dispose();
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Usage_OwnForAUser_EveryoneOrOneUserForAnAdmin()
    {
        var own = await _alice.GetFromJsonAsync<JsonElement>("/api/usage");
        var all = await _admin.GetFromJsonAsync<JsonElement>("/api/usage?days=7");
        var bobs = await _admin.GetFromJsonAsync<JsonElement>("/api/usage?user=bob");

        Assert.Equal((1, 0.25m, 0.5), (own.GetProperty("calls").GetInt32(), own.GetProperty("totalCostUsd").GetDecimal(), own.GetProperty("fewShotShareOfPromptTokens").GetDouble()));
        Assert.Equal((2, 7), (all.GetProperty("calls").GetInt32(), all.GetProperty("days").GetInt32()));
        Assert.Equal((1, 1.5m), (bobs.GetProperty("calls").GetInt32(), bobs.GetProperty("totalCostUsd").GetDecimal()));
        await AssertProblemAsync(await _alice.GetAsync("/api/usage?user=bob"), HttpStatusCode.Forbidden, "only an admin may see another user's usage");
        await AssertProblemAsync(await _alice.GetAsync("/api/usage?days=0"), HttpStatusCode.BadRequest, "days must be between 1 and 3650, not 0");
    }

    [Fact]
    public async Task Roi_Scenario_PaybackAsTheCliComputesIt()
    {
        var scenario = new
        {
            name = "api", queries_per_month = 50000,
            before = new { model = "base", prompt_tokens = 11000, output_tokens = 800, price = new { input = 5.0, cached_input = 2.5, output = 15.0 } },
            after = new { model = "tuned", prompt_tokens = 6600, output_tokens = 800, price_multiplier = 1 },
            training = new { tokens_per_epoch = 8000000, epochs = 4, price_per_million = 25.0, retrain_every_months = 3 },
        };

        using var response = await _alice.PostAsJsonAsync("/api/roi", scenario);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expected = RoiCalculator.Calculate(RoiScenarioLoader.Parse(JsonSerializer.Serialize(scenario), "test", PriceBook.Default()));
        Assert.Equal(expected.NetMonthlySaving, answer.GetProperty("result").GetProperty("netMonthlySaving").GetDecimal());
        Assert.Equal("api", answer.GetProperty("scenario").GetProperty("name").GetString());
        await AssertProblemAsync(await _alice.PostAsJsonAsync("/api/roi", new { name = "x" }), HttpStatusCode.BadRequest, "scenario (request body)");
    }

    [Fact]
    public async Task Advice_Answers_RecommendationWithReasons()
    {
        using var response = await _alice.PostAsJsonAsync("/api/advice", new { knowledge_changes = "weekly", citations_required = true, per_user_access = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var advice = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Retrieval", advice.GetProperty("recommendation").GetString());
        Assert.NotEqual(0, advice.GetProperty("criteria").GetArrayLength());
        await AssertProblemAsync(await _alice.PostAsJsonAsync("/api/advice", new { }), HttpStatusCode.BadRequest, "no answers given");
        await AssertProblemAsync(await _alice.PostAsJsonAsync("/api/advice", new { knowledge_changes = "hourly" }), HttpStatusCode.BadRequest,
            "(request body): unknown knowledge change frequency 'hourly'");
    }
}
