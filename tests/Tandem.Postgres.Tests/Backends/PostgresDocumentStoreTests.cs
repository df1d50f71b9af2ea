using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The document store conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresDocumentStoreTests(PostgresBackend database) : DocumentStoreConformance(database), IClassFixture<PostgresBackend>;
