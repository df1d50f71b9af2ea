using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

public sealed class EvalCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public EvalCliTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EvalCuad_InSampleAndTwoFolds_ScoreEveryCategory()
    {
        var folder = WriteCuadFixture(contracts: 8);

        var inSample = await _cli.RunAsync("eval", "cuad", "--data", folder, "--format", "json");
        var folded = await _cli.RunAsync("eval", "cuad", "--data", folder, "--folds", "2", "--format", "json", "--out", _dir.File("eval.json"));

        Assert.Equal(0, inSample.Exit);
        Assert.Equal(0, folded.Exit);
        var json = JsonDocument.Parse(folded.Output).RootElement;
        Assert.Equal("2-fold cross-validation by contract", json.GetProperty("mode").GetString());
        Assert.Equal(41, json.GetProperty("categories").GetArrayLength());
        var law = json.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Governing Law");
        Assert.Equal(8, law.GetProperty("goldSpans").GetInt32());
        Assert.InRange(law.GetProperty("aupr").GetDouble(), 0, 1);
        Assert.Contains("in-sample", JsonDocument.Parse(inSample.Output).RootElement.GetProperty("mode").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("eval.json")));
    }

    [Fact]
    public async Task EvalCuad_OneFold_OneLineError()
    {
        var (exit, _, error) = await _cli.RunAsync("eval", "cuad", "--data", WriteCuadFixture(2), "--folds", "1");

        Assert.Equal(1, exit);
        Assert.Contains("--folds must be 2 or more", error, StringComparison.Ordinal);
    }

    private string WriteCuadFixture(int contracts)
    {
        string[] states = ["New York", "Delaware", "Texas", "Ohio"];
        var csv = new List<string> { "Filename,Document Name,Parties,Governing Law" };
        for (var i = 0; i < contracts; i++)
        {
            var law = $"This Agreement shall be governed by the laws of the State of {states[i % states.Length]}.";
            _dir.Write($"cuad/contracts/Contract {i}.txt",
                $"SUPPLY AGREEMENT {i}\n\nThis agreement is made between Alder {i} Inc. and Birch {i} LLC.\n\n1. Delivery. Goods are delivered monthly.\n\n2. Payment. Invoices are due in thirty days.\n\n3. Governing Law. {law}");
            csv.Add($"Contract {i}.pdf,\"['SUPPLY AGREEMENT {i}']\",\"['Alder {i} Inc.', 'Birch {i} LLC']\",\"['{law}']\"");
        }

        _dir.Write("cuad/master_clauses.csv", string.Join("\n", csv) + "\n");
        return _dir.File("cuad");
    }
}
