using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The usage ledger conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteUsageLedgerTests() : UsageLedgerConformance(new SqliteBackend());
