using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The report store conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteReportStoreTests() : ReportStoreConformance(new SqliteBackend());
