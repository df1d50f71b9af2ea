using Tandem.Access;
using Tandem.Documents;
using Tandem.Store;

namespace Tandem.Tests.Support;

/// <summary>A real SQLite store in a temp file, with an ingestor and two users.</summary>
public sealed class StoreFixture : IDisposable
{
    public StoreFixture(TimeSpan? busyTimeout = null)
    {
        DatabasePath = Dir.File("tandem.db");
        Store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = DatabasePath, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5) });
        Ingestor = new DocumentIngestor(Store, DocumentReaders.CreateDefault(), new ClauseSegmenter());
    }

    public TempDirectory Dir { get; } = new();

    public string DatabasePath { get; }

    public SqliteDocumentStore Store { get; }

    public DocumentIngestor Ingestor { get; }

    public static Principal Alice { get; } = new("alice", ["legal"]);

    public static Principal Bob { get; } = new("bob");

    public void Dispose() => Dir.Dispose();
}
