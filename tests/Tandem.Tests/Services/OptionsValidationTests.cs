using Microsoft.Extensions.Options;
using Tandem.Hosting;
using Tandem.Learning;

namespace Tandem.Tests.Services;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task ValidateTandemOptions_RetrainEveryDaysZero_OneClearLine()
    {
        await using var host = new ServiceHost(new Dictionary<string, string?> { ["Tandem:Retrain:EveryDays"] = "0" });

        var error = Assert.Throws<TandemException>(() => host.Services.ValidateTandemOptions());

        Assert.Equal("invalid settings: Tandem:Retrain:EveryDays must be at least 1, not 0; fix it in appsettings.json or the environment (e.g. Tandem__Retrain__EveryDays)",
            error.ToUserMessage());
    }

    [Fact]
    public async Task ValidateTandemOptions_NotANumber_NamesTheSetting()
    {
        await using var host = new ServiceHost(new Dictionary<string, string?> { ["Tandem:Retrain:AfterCorrections"] = "lots" });

        var error = Assert.Throws<TandemException>(() => host.Services.ValidateTandemOptions());

        Assert.Contains("Tandem:Retrain:AfterCorrections", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToUserMessage());
    }

    [Fact]
    public async Task ValidateTandemOptions_MissingPriceBook_Refused()
    {
        await using var host = new ServiceHost(new Dictionary<string, string?> { ["Tandem:PriceBook:File"] = "/nonexistent/prices.yaml" });

        var error = Assert.Throws<TandemException>(() => host.Services.ValidateTandemOptions());

        Assert.Contains("Tandem:PriceBook:File names a price book that does not exist: /nonexistent/prices.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateTandemOptions_Configured_BindsThePolicy()
    {
        await using var host = new ServiceHost(new Dictionary<string, string?> { ["Tandem:Retrain:EveryDays"] = "30", ["Tandem:Retrain:AfterCorrections"] = "0" });

        host.Services.ValidateTandemOptions();

        var policy = host.Get<IOptions<RetrainPolicy>>().Value;
        Assert.Equal((30, 0), (policy.EveryDays, policy.AfterCorrections));
    }
}
