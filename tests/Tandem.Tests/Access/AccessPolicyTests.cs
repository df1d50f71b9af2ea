using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Access;

/// <summary>
/// One access policy: the in-memory checks and the SQL filter inside the stores agree on every
/// case of a table (the empty list included: nobody but admins), audiences are read as "every
/// one of them", and admins come from configuration.
/// </summary>
public sealed class AccessPolicyTests : IDisposable
{
    private static readonly Principal Alice = new("alice");
    private static readonly Principal Bob = new("bob", ["legal"]);
    private static readonly Principal Carol = new("carol");
    private static readonly Principal Dana = new("dana", ["admin"]);
    private static readonly Principal Ops = new("olga", ["ops"]);

    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    public static TheoryData<string[]> Lists() => new(
        [],
        ["user:alice"],
        ["group:legal"],
        ["group:legal", "user:alice"],
        ["user:carol"],
        ["public"],
        ["group:admin"],
        ["user:bob", "group:ops"]);

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task CanRead_EveryPrincipalOnTheList_SqlFilterOfDocumentsAndReportsAgrees(string[] list)
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var policy in new[] { AccessPolicy.Default, new AccessPolicy("ops") })
        {
            using var f = new StoreFixture();
            var store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = f.DatabasePath }, access: policy);
            var ingested = await new DocumentIngestor(store, Tandem.Documents.DocumentReaders.CreateDefault(), new Tandem.Documents.ClauseSegmenter())
                .IngestFileAsync(f.Dir.Write("nda.txt", ContractTexts.Nda), new Principal("owner"));
            await SetListAsync(f.DatabasePath, ingested.DocumentId, list);
            var reports = new SqliteReportStore(f.DatabasePath, policy);
            await reports.SaveAsync(ReportOn(ingested.DocumentId), new Principal("owner"), ct);

            foreach (var principal in new[] { Alice, Bob, Carol, Dana, Ops })
            {
                var expected = policy.CanRead(principal, list);
                var why = $"{principal.UserId} [{string.Join(", ", principal.Groups)}] on [{string.Join(", ", list)}], admins {((AccessPolicy)policy).AdminGroup}";
                Assert.True(expected == (await store.GetDocumentAsync(ingested.DocumentId, principal, ct) is not null), why);
                Assert.True(expected == (await store.ListDocumentsAsync(principal, cancellationToken: ct)).Count is 1, why);
                Assert.True(expected == (await store.SearchAsync("confidential information", principal, cancellationToken: ct)).Count > 0, why);
                Assert.True(expected == (await reports.GetAsync("rpt_probe", principal, ct) is not null), why);
            }
        }
    }

    [Fact]
    public void CanRead_EmptyList_NobodyButAdmins()
    {
        Assert.False(AccessPolicy.Default.CanRead(Alice, []));
        Assert.False(AccessPolicy.Default.CanRead(Bob, []));
        Assert.True(AccessPolicy.Default.CanRead(Dana, []));
        Assert.False(AccessPolicy.Default.AudienceCanRead(["public"], []));
    }

    [Theory]
    [InlineData("group:legal", "group:legal,user:alice", true)]
    [InlineData("group:legal", "user:alice", false)]
    [InlineData("group:legal,user:carol", "user:carol", false)] // every member of the audience must be able to read it
    [InlineData("group:legal,user:carol", "group:legal,user:carol", true)]
    [InlineData("public", "public", true)]
    [InlineData("public", "group:legal", false)]
    [InlineData("user:bob", "public", true)]
    [InlineData("group:admin", "user:alice", true)]
    public void AudienceCanRead_EveryTokenOfTheAudience(string audience, string list, bool expected) =>
        Assert.Equal(expected, AccessPolicy.Default.AudienceCanRead(audience.Split(','), list.Split(',')));

    [Fact]
    public void AudienceCanRead_EmptyAudience_ReadsNothing() =>
        Assert.False(AccessPolicy.Default.AudienceCanRead([], ["public"]));

    [Theory]
    [InlineData("bob", "legal", "group:legal", true)]
    [InlineData("bob", "legal", "group:legal,user:bob,public", true)]
    [InlineData("bob", "legal", "user:alice", false)]
    [InlineData("bob", "legal", "group:legal,user:carol", false)]
    [InlineData("carol", "", "group:legal", false)]
    [InlineData("dana", "admin", "user:alice,group:legal", true)]
    public void CanNameAudience_OnlyOneTheCallerBelongsTo(string user, string groups, string audience, bool expected) =>
        Assert.Equal(expected, AccessPolicy.Default.CanNameAudience(new Principal(user, groups.Split(',', StringSplitOptions.RemoveEmptyEntries)), audience.Split(',')));

    [Fact]
    public void CanChange_OwnerAndAdminsOnly()
    {
        Assert.True(AccessPolicy.Default.CanChange(Alice, "alice"));
        Assert.False(AccessPolicy.Default.CanChange(Bob, "alice"));
        Assert.True(AccessPolicy.Default.CanChange(Dana, "alice"));
    }

    [Theory]
    [InlineData("alice", "", "alice", "alice", true)] // the owner reviews her own correction
    [InlineData("alice", "", "bob", "alice", true)] // and what a reader corrected on her document
    [InlineData("bob", "legal", "bob", "alice", false)] // a reader does not put his words into her training data
    [InlineData("bob", "legal,reviewer", "bob", "alice", false)] // nor as a reviewer
    [InlineData("bob", "legal,reviewer", "alice", "alice", true)]
    [InlineData("erin", "reviewer", "alice", "alice", false)] // a reviewer who may not read it
    [InlineData("carol", "", "alice", "alice", false)]
    [InlineData("dana", "admin", "dana", "alice", true)]
    [InlineData("carol", "", "carol", null, false)] // an import: the importer is not its reviewer
    [InlineData("bob", "legal,reviewer", "bob", null, true)] // a reviewer reviews imports, his own included
    [InlineData("dana", "admin", "carol", null, true)]
    public void CanReview_OwnerAdminOrAnotherReviewerWhoReads(string user, string groups, string author, string? owner, bool expected) =>
        Assert.Equal(expected, AccessPolicy.Default.CanReview(new Principal(user, groups.Split(',', StringSplitOptions.RemoveEmptyEntries)), ["group:legal", "user:alice", "user:bob"], author, owner));

    [Fact]
    public void FromConfiguration_ReviewerGroupSetting_NamesTheReviewers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AccessPolicy.ReviewerGroupKey] = "paralegals" }).Build();

        var policy = AccessPolicy.FromConfiguration(configuration);

        Assert.True(policy.CanReview(new Principal("pat", ["paralegals", "legal"]), ["group:legal"], "alice", "alice"));
        Assert.False(policy.CanReview(new Principal("rex", ["reviewer", "legal"]), ["group:legal"], "alice", "alice"));
        Assert.True(policy.IsAdmin(Dana));
        Assert.Throws<TandemException>(() => new AccessPolicy("admin", "two words"));
    }

    [Fact]
    public void FromConfiguration_AdminGroupSetting_NamesTheAdmins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AccessPolicy.AdminGroupKey] = "ops" }).Build();

        var policy = AccessPolicy.FromConfiguration(configuration);

        Assert.True(policy.IsAdmin(Ops));
        Assert.False(policy.IsAdmin(Dana));
        Assert.True(AccessPolicy.FromConfiguration(new ConfigurationBuilder().Build()).IsAdmin(Dana));
        Assert.Throws<TandemException>(() => new AccessPolicy("a:b"));
    }

    [Fact]
    public async Task Ingest_DatabaseFromSchemaOne_MigratedSoAnotherUserMayIngestTheSamePath()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = _f.Dir.Write("supply.txt", ContractTexts.Supply);
        var alices = await _f.Ingestor.IngestFileAsync(path, StoreFixture.Alice, cancellationToken: ct);
        await MakeSchemaOneAsync(_f.DatabasePath);

        var carols = await new DocumentIngestor(new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = _f.DatabasePath }), Tandem.Documents.DocumentReaders.CreateDefault(), new Tandem.Documents.ClauseSegmenter())
            .IngestFileAsync(path, Carol, cancellationToken: ct);

        Assert.Equal(IngestOutcome.Created, carols.Outcome);
        Assert.NotEqual(alices.DocumentId, carols.DocumentId);
        Assert.Equal(ContractTexts.Supply.ReplaceLineEndings("\n").Trim(), (await _f.Store.GetDocumentAsync(alices.DocumentId, StoreFixture.Alice, ct))!.Text.ReplaceLineEndings("\n").Trim());
        Assert.Equal(0, await StoreDump.ScalarAsync(_f.DatabasePath, "SELECT count(*) FROM pragma_index_list('documents') WHERE origin = 'u'"));
        Assert.Equal(0, await StoreDump.ScalarAsync(_f.DatabasePath, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public async Task ExampleStore_LegacyEmptyAccessList_ReadAsPublicAsItWasMeant()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new Tandem.Learning.SqliteExampleStore(_f.DatabasePath);
        await store.AddAsync([new Tandem.Learning.TrainingExample("ex_legacy", "clause-review", "Governed by Delaware law.", "Governing Law", "medium", "", "curated", ["A"], ["public"], "alice",
            DateTimeOffset.UnixEpoch, true, null)], ct);
        await using (var connection = new SqliteConnection($"Data Source={_f.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE examples SET access = '[]'"; // as versions before the public token wrote it
            await command.ExecuteNonQueryAsync(ct);
        }

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync([new Tandem.Learning.TrainingExample("ex_new", "clause-review", "x", "Governing Law", "medium", "", "curated", [], [], "alice",
            DateTimeOffset.UnixEpoch, true, null)], ct));
        var legacy = Assert.Single(await new Tandem.Learning.SqliteExampleStore(_f.DatabasePath).ListAsync(cancellationToken: ct));

        Assert.Equal([AccessList.Public], legacy.Access);
    }

    private static RiskReport ReportOn(string documentId) => new()
    {
        ReportId = "rpt_probe", DocumentId = documentId, DocumentTitle = "nda", Source = "/x/nda.txt", Version = 1, ContentHash = "h", Playbook = "p", Model = "m",
        CreatedAt = DateTimeOffset.UnixEpoch, ClauseCount = 0, Findings = [], MissingProtections = [],
    };

    private static async Task SetListAsync(string databasePath, string documentId, IReadOnlyList<string> tokens)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM document_access WHERE document_id = $id";
        command.Parameters.AddWithValue("$id", documentId);
        await command.ExecuteNonQueryAsync();
        command.CommandText = "INSERT INTO document_access (document_id, principal) VALUES ($id, $p)";
        var p = command.Parameters.Add("$p", SqliteType.Text);
        foreach (var token in tokens)
        {
            p.Value = token;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Turns a store back into what schema 1 wrote: a UNIQUE source and no access events.</summary>
    private static async Task MakeSchemaOneAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA foreign_keys = OFF;
            BEGIN;
            CREATE TABLE documents_v1 (id TEXT PRIMARY KEY, source TEXT NOT NULL UNIQUE, title TEXT NOT NULL, media_type TEXT NOT NULL, current_version INTEGER NOT NULL,
                current_version_id INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, retired_at TEXT NULL);
            INSERT INTO documents_v1 SELECT id, source, title, media_type, current_version, current_version_id, created_at, updated_at, retired_at FROM documents;
            DROP TABLE documents;
            ALTER TABLE documents_v1 RENAME TO documents;
            DROP TABLE access_events;
            PRAGMA user_version = 1;
            COMMIT;
            """;
        await command.ExecuteNonQueryAsync();
    }
}
