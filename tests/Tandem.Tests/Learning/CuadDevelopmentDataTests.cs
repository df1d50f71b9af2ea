using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Evaluation;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

/// <summary>
/// Checks against the real CUAD development data in ../shared/data. Without the data these
/// tests skip with a reason, except under CI=true, where missing data is a failure.
/// </summary>
public sealed class CuadDevelopmentDataTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data", "cuad-dev"));

    [Fact]
    public async Task Labelling_RealData_LocatesAlmostEveryAnnotationAndMatchesTheShippedModel()
    {
        if (!Directory.Exists(Folder))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CUAD development data missing at {Folder}");
            Assert.Skip($"CUAD development data not found at {Folder}");
        }

        var data = CuadDataset.Load(Folder);
        var labelling = await new CuadTrainingSet(DocumentReaders.CreateDefault(), new ClauseSegmenter()).BuildAsync(data);

        Assert.Equal(413, data.Contracts.Count);
        Assert.Empty(data.UnmatchedRows);
        // The data's README: about 94% of annotations occur verbatim; whitespace tolerance adds more.
        Assert.True(labelling.LocatedSpans >= 0.94 * (labelling.LocatedSpans + labelling.MissingSpans),
            $"located {labelling.LocatedSpans}, missing {labelling.MissingSpans}");
        // The shipped model was trained on exactly what the current readers and segmenter produce;
        // a change to either needs `tandem train local` and a new models/local-analyst.zip.
        var shipped = LocalAnalyst.Load(RepositoryPaths.Model).Model.Manifest;
        Assert.Equal(shipped.DataHash, LocalAnalystTrainer.DataHash(labelling.Clauses));
    }
}
