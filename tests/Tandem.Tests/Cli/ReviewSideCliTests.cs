using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary><c>tandem analyze --for</c>: the side under review is chosen or assumed, recorded, and shown in every format.</summary>
public sealed class ReviewSideCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public ReviewSideCliTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Analyze_ForSupplier_RecordedAndAnotherReportThanTheAssumedBuyer()
    {
        var supply = RepositoryPaths.Sample("supply-agreement.docx");

        var assumed = await JsonAsync("analyze", supply, "--format", "json");
        var supplier = await JsonAsync("analyze", supply, "--format", "json", "--for", "supplier");

        Assert.Equal("Buyer", assumed.GetProperty("side").GetProperty("party").GetProperty("role").GetString());
        Assert.True(assumed.GetProperty("side").GetProperty("assumed").GetBoolean());
        Assert.Equal("Keystone Polymer Works, Inc.", supplier.GetProperty("side").GetProperty("party").GetProperty("name").GetString());
        Assert.False(supplier.GetProperty("side").GetProperty("assumed").GetBoolean());
        Assert.Equal(2, supplier.GetProperty("side").GetProperty("parties").GetArrayLength());
        Assert.NotEqual(assumed.GetProperty("reportId").GetString(), supplier.GetProperty("reportId").GetString());
    }

    [Theory]
    [InlineData("text", "Reviewed for: Carrow & Beck Outfitters, LLC (Customer); other party: Lumenfield Software, Inc. (Provider) (assumed; --for provider")]
    [InlineData("md", "- Reviewed for: Carrow \\& Beck Outfitters, LLC (Customer); other party: Lumenfield Software, Inc. (Provider) (assumed; --for provider")]
    [InlineData("html", "<strong>Reviewed for:</strong> Carrow &amp; Beck Outfitters, LLC (Customer); other party: Lumenfield Software, Inc. (Provider) (assumed; --for provider")]
    public async Task Analyze_NoChoice_EveryFormatSaysWhichSideItAssumedAndHowToChange(string format, string expected)
    {
        var (exit, output, error) = await _cli.RunAsync("analyze", RepositoryPaths.Sample("saas-subscription-agreement.md"), "--format", format);

        Assert.True(exit == 0, error);
        Assert.Contains(expected, output.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ForAPartyNotInTheContract_OneLineErrorNamingTheParties()
    {
        var (exit, _, error) = await _cli.RunAsync("analyze", RepositoryPaths.Sample("saas-subscription-agreement.md"), "--for", "licensee");

        Assert.Equal(1, exit);
        Assert.Equal("error: 'licensee' is not one of this contract's parties (Lumenfield Software, Inc. (Provider); Carrow & Beck Outfitters, LLC (Customer)); pass --for with a role or a name, e.g. --for provider\n", error);
    }

    private async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exit, output, error) = await _cli.RunAsync(args);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
