using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The example store conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteExampleStoreTests() : ExampleStoreConformance(new SqliteBackend());
