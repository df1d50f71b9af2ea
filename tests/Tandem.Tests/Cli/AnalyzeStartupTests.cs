using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>
/// What a fresh <c>tandem analyze</c> process loads: the review needs the local analyst's weights
/// and its featurizer's plain C# port, not ML.NET, whose assemblies and model loader used to be
/// the largest part of the command's start-up.
/// </summary>
public sealed class AnalyzeStartupTests
{
    [Fact]
    public async Task Analyze_FreshProcess_LoadsNoMlNetAssembly()
    {
        using var tandem = new TandemProcess();
        tandem.Environment["TANDEM_STARTUP_TRACE"] = "1";

        var (exit, _, error) = await tandem.RunAsync("analyze", "samples/contracts/saas-subscription-agreement.md");

        Assert.True(exit == 0, error);
        var assemblies = error.Split('\n').Single(l => l.StartsWith("trace: assemblies", StringComparison.Ordinal));
        var names = assemblies[(assemblies.IndexOf("): ", StringComparison.Ordinal) + 3)..].Trim().Split(", ");
        Assert.Contains("Tandem", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.ML", StringComparison.Ordinal));
        Assert.Contains("trace: tandem.analyst.load at ", error, StringComparison.Ordinal);
        Assert.Contains("trace: tandem.analyst.score at ", error, StringComparison.Ordinal);
    }
}
