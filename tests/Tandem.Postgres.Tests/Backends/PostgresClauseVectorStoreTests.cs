using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The clause vector conformance tests on PostgreSQL (a fresh database for the class; exact scoring where pgvector is missing).</summary>
public sealed class PostgresClauseVectorStoreTests(PostgresBackend database) : ClauseVectorStoreConformance(database), IClassFixture<PostgresBackend>;
