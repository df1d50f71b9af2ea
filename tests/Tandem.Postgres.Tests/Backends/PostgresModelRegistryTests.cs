using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The model registry conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresModelRegistryTests(PostgresBackend database) : ModelRegistryConformance(database), IClassFixture<PostgresBackend>;
