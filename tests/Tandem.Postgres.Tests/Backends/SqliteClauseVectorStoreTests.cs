using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The clause vector conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteClauseVectorStoreTests() : ClauseVectorStoreConformance(new SqliteBackend());
