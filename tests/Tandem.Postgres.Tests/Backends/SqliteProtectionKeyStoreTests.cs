using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The key ring conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteProtectionKeyStoreTests() : ProtectionKeyStoreConformance(new SqliteBackend());
