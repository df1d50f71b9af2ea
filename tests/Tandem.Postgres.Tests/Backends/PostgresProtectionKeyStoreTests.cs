using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The key ring conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresProtectionKeyStoreTests(PostgresBackend database) : ProtectionKeyStoreConformance(database), IClassFixture<PostgresBackend>;
