using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The document lifecycle conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresDocumentLifecycleTests(PostgresBackend database) : DocumentLifecycleConformance(database), IClassFixture<PostgresBackend>;
