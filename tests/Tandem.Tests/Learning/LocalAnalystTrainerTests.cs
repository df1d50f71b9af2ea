using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

public sealed class LocalAnalystTrainerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Train_SameData_SameWeightsAndSavedModelScoresLikeTheTrainedOne()
    {
        var data = SyntheticClauses();
        var options = new LocalAnalystTrainingOptions { TrainedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), HeldOutFraction = 0.3 };

        var first = new LocalAnalystTrainer().Train(data, options);
        var second = new LocalAnalystTrainer().Train(data, options);

        var law = first.Model.Categories.Single(c => c.Category == "Governing Law");
        Assert.NotEmpty(law.Values);
        Assert.Equal(law.Values, second.Model.Categories.Single(c => c.Category == "Governing Law").Values);
        Assert.Equal(law.Indices, second.Model.Categories.Single(c => c.Category == "Governing Law").Indices);

        var path = _dir.File("model.zip");
        first.Model.Save(new Microsoft.ML.MLContext(seed: 1), path);
        var loaded = LocalAnalyst.Load(path);
        var probe = new[]
        {
            new Clause(0, "9", "Governing Law", ClauseKind.Section, 0, 10, "This Agreement is governed by the laws of the State of Delaware."),
            new Clause(1, "3", "Payment", ClauseKind.Section, 10, 20, "Invoices are payable within thirty days of receipt."),
        };
        var original = new LocalAnalyst(first.Model).Score(probe);
        var reloaded = loaded.Score(probe);
        var k = loaded.Categories.ToList().IndexOf("Governing Law");
        Assert.Equal(original[0][k], reloaded[0][k], 5);
        Assert.True(reloaded[0][k] > reloaded[1][k] + 0.2f, $"governing-law clause scored {reloaded[0][k]}, payment clause {reloaded[1][k]}");
    }

    [Fact]
    public void Load_CorruptModel_ClearError()
    {
        var path = _dir.Write("broken.zip", "not a zip");

        var error = Assert.Throws<TandemException>(() => LocalAnalyst.Load(path));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", Assert.Throws<TandemException>(() => LocalAnalyst.Load(_dir.File("absent.zip"))).Message, StringComparison.Ordinal);
    }

    internal static List<LabelledClause> SyntheticClauses()
    {
        var law = ClauseCategories.All.ToList().IndexOf("Governing Law");
        string[] states = ["New York", "Delaware", "California", "Texas", "Ohio", "Nevada"];
        string[] other =
        [
            "Invoices are payable within thirty days.", "The supplier shall deliver the goods to the buyer's warehouse.",
            "Each party shall keep the other's information confidential.", "Notices must be in writing and sent by courier.",
            "The term of this agreement is three years.", "The buyer may inspect the goods on arrival.",
        ];
        var rows = new List<LabelledClause>();
        for (var c = 0; c < 20; c++)
        {
            var contract = $"contract-{c:00}";
            for (var i = 0; i < other.Length; i++)
            {
                rows.Add(Row(contract, other[(i + c) % other.Length], "Terms", i, labelled: -1));
            }

            rows.Add(Row(contract, $"This Agreement shall be governed by and construed under the laws of the State of {states[c % states.Length]}.", "Governing Law", 6, law));
        }

        return rows;

        static LabelledClause Row(string contract, string text, string heading, int ordinal, int labelled)
        {
            var labels = new bool[ClauseCategories.All.Count];
            if (labelled >= 0)
            {
                labels[labelled] = true;
            }

            var clause = new Clause(ordinal, ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), heading, ClauseKind.Section, 0, text.Length, text);
            return new LabelledClause(contract, ClauseFeatureRow.For(clause, ordinal, 7), labels);
        }
    }
}
