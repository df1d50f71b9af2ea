using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The API key store conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresApiKeyStoreTests(PostgresBackend database) : ApiKeyStoreConformance(database), IClassFixture<PostgresBackend>;
