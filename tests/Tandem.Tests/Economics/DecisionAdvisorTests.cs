using Tandem.Documents;
using Tandem.Economics;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Economics;

public sealed class DecisionAdvisorTests
{
    private static AdvisorAnswers Sample(string name) =>
        AdvisorAnswersLoader.Load(Path.Combine(RepositoryPaths.Root, "samples", "advisor", name));

    [Fact]
    public void Advise_WeeklyChangingCitedKnowledge_RecommendsRetrieval()
    {
        var advice = DecisionAdvisor.Advise(Sample("support-knowledge-base.yaml"));

        Assert.Equal(Approach.Retrieval, advice.Recommendation);
        Assert.Equal(0, advice.FineTuningScore);
        Assert.Contains(advice.Risks, r => r.Contains("tandem sync", StringComparison.Ordinal));
        Assert.DoesNotContain(advice.Risks, r => r.Contains("die with their base model", StringComparison.Ordinal));
    }

    [Fact]
    public void Advise_FixedOutputStyleWithStableKnowledge_RecommendsFineTuning()
    {
        var advice = DecisionAdvisor.Advise(Sample("clinical-note-formatter.yaml"));

        Assert.Equal(Approach.FineTuning, advice.Recommendation);
        Assert.True(advice.RetrievalScore < DecisionAdvisor.Threshold);
        Assert.Contains(advice.Risks, r => r.Contains("die with their base model", StringComparison.Ordinal));
        Assert.Contains(advice.Risks, r => r.Contains("2027-01-06", StringComparison.Ordinal));
        Assert.Contains(advice.NextSteps, s => s.Contains("tandem roi", StringComparison.Ordinal));
    }

    [Fact]
    public void Advise_ContractReview_RecommendsBothAndWarnsThatWeightsCannotEnforceAccess()
    {
        var advice = DecisionAdvisor.Advise(Sample("contract-review.yaml"));

        Assert.Equal(Approach.Both, advice.Recommendation);
        Assert.Contains(advice.Risks, r => r.StartsWith("Per-user access cannot be enforced in weights", StringComparison.Ordinal));
        Assert.All(advice.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Fact]
    public void Advise_NothingPressing_RecommendsNeither()
    {
        var advice = DecisionAdvisor.Advise(new AdvisorAnswers { KnowledgeChanges = KnowledgeChange.Rarely, CitationsRequired = false, FixedOutputFormat = false });

        Assert.Equal(Approach.Neither, advice.Recommendation);
        Assert.Contains(advice.Criteria, c => c.Value == "not answered");
    }

    [Fact]
    public void Advise_MeasuredChangeRate_ReplacesTheAnswerAndSaysSo()
    {
        var activity = new KnowledgeBaseActivity(Documents: 40, Changes: 12, Days: 28);

        var advice = DecisionAdvisor.Advise(new AdvisorAnswers { KnowledgeChanges = KnowledgeChange.Rarely }, new AdvisorEvidence { Activity = activity });

        var change = advice.Criteria[0];
        Assert.Equal("weekly", change.Value);
        Assert.Equal("measured by Tandem (you answered rarely)", change.Source);
        Assert.Contains(advice.Evidence, e => e.StartsWith("knowledge-base change rate: 3 changes per week over 28 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetActivity_InitialLoadThenWeeklyChanges_CountsOnlyTheChanges()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        using var dir = new TempDirectory();
        var store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = dir.File("t.db") }, clock);
        var ingestor = new DocumentIngestor(store, DocumentReaders.CreateDefault(), new ClauseSegmenter());
        var paths = Enumerable.Range(0, 5).Select(i => dir.Write($"c{i}.txt", ContractTexts.Supply + $"\n\n9. Copy {i}.")).ToList();
        foreach (var path in paths)
        {
            await ingestor.IngestFileAsync(path, StoreFixture.Alice);
        }

        for (var week = 1; week <= 4; week++)
        {
            clock.Now = clock.Now.AddDays(7);
            File.AppendAllText(paths[week % 5], $"\n\n10. Amendment {week}.");
            await ingestor.IngestFileAsync(paths[week % 5], StoreFixture.Alice);
        }

        var activity = await store.GetActivityAsync(StoreFixture.Alice, TimeSpan.FromDays(90));
        var bobs = await store.GetActivityAsync(StoreFixture.Bob, TimeSpan.FromDays(90));

        Assert.Equal(5, activity.Documents);
        Assert.Equal(4, activity.Changes);
        Assert.Equal(28, activity.Days, 3);
        Assert.Equal(KnowledgeChange.Weekly, activity.AsFrequency());
        Assert.Equal(0, bobs.Documents);
        Assert.False(bobs.IsMeaningful);
    }

    [Theory]
    [InlineData("knowledge_changes: hourly", "unknown knowledge change frequency 'hourly'")]
    [InlineData("citations_required: maybe", "expected true or false, not 'maybe'")]
    [InlineData("colour: blue", "line 1, column 1: unknown key 'colour'")]
    public void Parse_BadAnswers_ClearError(string yaml, string expected)
    {
        var error = Assert.Throws<TandemException>(() => AdvisorAnswersLoader.Parse(yaml, "a.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
