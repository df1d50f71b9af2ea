using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The example store conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresExampleStoreTests(PostgresBackend database) : ExampleStoreConformance(database), IClassFixture<PostgresBackend>;
