using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The usage ledger conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresUsageLedgerTests(PostgresBackend database) : UsageLedgerConformance(database), IClassFixture<PostgresBackend>;
