using Tandem.Access;
using Tandem.Learning;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="ICorrectionStore"/>: corrections kept with their examples, their review state, and examples following their document's access, on every backend.</summary>
public abstract class CorrectionStoreConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Add_ThenAgain_KeptOnceWithItsExamplePending()
    {
        var (correction, example) = await CorrectionAsync();

        Assert.True(await Store.Corrections.AddAsync(correction, example));
        Assert.False(await Store.Corrections.AddAsync(correction, example));

        var recorded = Assert.Single(await Store.Corrections.ListAsync());
        Assert.Equal("pending", recorded.Review);
        Assert.Equal(correction with { CreatedAt = recorded.Correction.CreatedAt, Original = recorded.Correction.Original }, recorded.Correction);
        Assert.Equal(correction.Original!.Quote, recorded.Correction.Original!.Quote);
        Assert.Equal(correction.Original.Favours, recorded.Correction.Original.Favours);
        Assert.Single(await Store.Examples.ListAsync());
        Assert.Single(await Store.Corrections.ListAsync(correction.ReportId));
        Assert.Empty(await Store.Corrections.ListAsync("rpt_other"));
    }

    [Fact]
    public async Task List_AfterReviews_AcceptedWithTheReviewerOrRejected()
    {
        var (first, firstExample) = await CorrectionAsync();
        var second = first with { Id = "cor_2", ExampleId = "ex_2" };
        await Store.Corrections.AddAsync(first, firstExample);
        await Store.Corrections.AddAsync(second, firstExample with { Id = "ex_2" });

        await Store.Examples.ReviewAsync(firstExample.Id, accept: true, "carol");
        await Store.Examples.ReviewAsync("ex_2", accept: false, "root");

        var list = await Store.Corrections.ListAsync();
        Assert.Equal([("cor_1", "accepted", "carol"), ("cor_2", "rejected", "root")], list.Select(c => (c.Correction.Id, c.Review, c.Reviewer)));
    }

    [Fact]
    public async Task SetAccess_OnTheCorrectedDocument_ItsExamplesFollowTheNewList()
    {
        var (correction, example) = await CorrectionAsync();
        await Store.Corrections.AddAsync(correction, example);
        var imported = Records.Example("ex_import", "Indemnification", "imported", [correction.DocumentId], ["user:alice", "user:bob"], Clock.Now);
        await Store.Examples.AddAsync([imported]);

        await Store.Lifecycle.SetAccessAsync(correction.DocumentId, AccessList.Parse("group:legal"), Alice);

        var examples = (await Store.Examples.ListAsync()).ToDictionary(e => e.Id);
        Assert.Equal(["group:legal", "user:alice"], examples[example.Id].Access);
        // An import naming the document is not moved under its list.
        Assert.Equal(["user:alice", "user:bob"], examples["ex_import"].Access);
    }

    private async Task<(Correction, TrainingExample)> CorrectionAsync()
    {
        var lease = await IngestAsync("lease.txt", Contracts.Lease, Alice, "alice,bob");
        var report = Records.Report((await Store.Documents.GetDocumentAsync(lease.DocumentId, Alice))!, Clock.Now);
        await Store.Reports.SaveAsync(report, Alice);
        var example = Records.Example("ex_1", "Governing Law", "correction", [lease.DocumentId], ["user:alice", "user:bob"], Clock.Now);
        return (Records.Correction(report, "cor_1", example.Id, Clock.Now), example);
    }
}
