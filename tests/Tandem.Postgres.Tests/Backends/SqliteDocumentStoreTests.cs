using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The document store conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteDocumentStoreTests() : DocumentStoreConformance(new SqliteBackend());
