using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The model registry conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteModelRegistryTests() : ModelRegistryConformance(new SqliteBackend());
