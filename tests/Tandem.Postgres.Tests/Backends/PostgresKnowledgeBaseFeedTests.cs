using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The change feed conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresKnowledgeBaseFeedTests(PostgresBackend database) : KnowledgeBaseFeedConformance(database), IClassFixture<PostgresBackend>;
