using System.Text.RegularExpressions;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Access;

/// <summary>Probes of the model registry and the retraining decisions: each shows a user only what is theirs to see, and only admins change the champion.</summary>
public sealed partial class AccessProbeTests
{
    /// <summary>Alice retrains the local analyst for herself and group:legal, with her accepted correction; returns the registered candidate.</summary>
    private async Task<RegisteredModel> AlicesCandidateAsync()
    {
        var data = DataFolders.WriteCuadLike(_dir.File("cuad"));
        var (exit, output, error) = await _alice.RunAsync("retrain", "local", "--data", data, "--contracts", "2", "--models-dir", _dir.File("models"), "--groups", "legal");
        Assert.True(exit == 0, error);
        var id = CandidateId().Match(output).Value;
        return (await new SqliteModelRegistry(_alice.DatabasePath).GetAsync(id, TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task EveryUser_ModelRegistry_ListsOnlyModelsOfTheirAudience_AndModelFilesAreOwnerOnly()
    {
        await AlicesPrivateContractAsync();
        var candidate = await AlicesCandidateAsync();
        string[] secrets = [candidate.Id, candidate.DatasetHash[..12], candidate.Location, "corrected reports"];
        async Task<string> RegistryAsync(CliRunner cli, params string[] groups) =>
            (await cli.RunAsync(["models", "registry", .. groups])).Output + (await cli.RunAsync(["models", "registry", "--format", "json", .. groups])).Output;

        var carol = await RegistryAsync(_carol);
        var bob = await RegistryAsync(_bob, "--groups", "legal");
        var dana = await RegistryAsync(_dana, "--groups", "admin");

        Assert.DoesNotContain(secrets, s => carol.Contains(s, StringComparison.Ordinal));
        Assert.Contains("local-shipped-", carol, StringComparison.Ordinal); // the shipped model is everyone's
        Assert.All(secrets.Take(2), s => Assert.Contains(s, bob, StringComparison.Ordinal));
        Assert.All(secrets.Take(2), s => Assert.Contains(s, dana, StringComparison.Ordinal));
        Assert.Equal(["group:legal", "user:alice"], candidate.Audience);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(candidate.Location));
        }
    }

    [Theory]
    [InlineData("promote", "{id}", "--force", "--reason", "carol wants it")]
    [InlineData("promote", "{id}")]
    [InlineData("evaluate", "{id}", "--data", "{data}")]
    [InlineData("register", "--endpoint", "http://127.0.0.1:9/v1", "--model", "carols-adapter")]
    public async Task Outsider_PromotingScoringOrRegisteringModels_RefusedInOneLine_AndNothingChanges(params string[] command)
    {
        var candidate = await AlicesCandidateAsync();
        string[] args = ["models", .. command.Select(a => a.Replace("{id}", candidate.Id, StringComparison.Ordinal).Replace("{data}", _dir.File("cuad"), StringComparison.Ordinal))];
        var before = await StoreDump.DumpAllAsync(_carol.DatabasePath);

        var (exit, output, error) = await _carol.RunAsync(args);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: only an admin may {command[0]} models", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(string.Empty, output);
        Assert.Equal(before, await StoreDump.DumpAllAsync(_carol.DatabasePath));
    }

    [Fact]
    public async Task Outsider_RetrainIfDue_CountsOnlyCorrectionsHerAudienceMayRead_DecisionsShownToTheirRequester()
    {
        await AlicesPrivateContractAsync(); // one accepted correction, readable by alice and group:legal
        var data = DataFolders.WriteCuadLike(_dir.File("cuad"));
        string[] Cron(params string[] groups) =>
            ["retrain", "local", "--data", data, "--contracts", "2", "--models-dir", _dir.File("models"), "--if-due", "--every-days", "36500", "--after-corrections", "1", .. groups];

        var carols = await _carol.RunAsync(Cron());
        var alices = await _alice.RunAsync(Cron());

        Assert.True(carols.Exit == 0, carols.Error);
        Assert.StartsWith("not due: ", carols.Output, StringComparison.Ordinal);
        Assert.Contains(" 0 accepted corrections arrived since", carols.Output, StringComparison.Ordinal);
        Assert.True(alices.Exit == 0, alices.Error);
        Assert.StartsWith("due: ", alices.Output, StringComparison.Ordinal);
        Assert.Contains(" 1 accepted corrections arrived since", alices.Output, StringComparison.Ordinal);
        async Task<string[]> DecisionsAsync(CliRunner cli, params string[] groups) =>
            (await cli.RunAsync(["models", "registry", "--decisions", .. groups])).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["0 accepted"], (await DecisionsAsync(_carol)).Select(l => Regex.Match(l, @"\d+ accepted").Value));
        Assert.Equal(["1 accepted"], (await DecisionsAsync(_alice)).Select(l => Regex.Match(l, @"\d+ accepted").Value));
        Assert.Empty(await DecisionsAsync(_bob, "--groups", "legal"));
        Assert.Equal(2, (await DecisionsAsync(_dana, "--groups", "admin")).Length);
    }

    [GeneratedRegex(@"local-\d{14}-[0-9a-f]{6}")]
    private static partial Regex CandidateId();
}
