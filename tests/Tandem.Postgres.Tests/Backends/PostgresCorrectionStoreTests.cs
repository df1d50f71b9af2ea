using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The correction store conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresCorrectionStoreTests(PostgresBackend database) : CorrectionStoreConformance(database), IClassFixture<PostgresBackend>;
