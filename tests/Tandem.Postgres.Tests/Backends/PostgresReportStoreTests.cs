using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The report store conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresReportStoreTests(PostgresBackend database) : ReportStoreConformance(database), IClassFixture<PostgresBackend>;
