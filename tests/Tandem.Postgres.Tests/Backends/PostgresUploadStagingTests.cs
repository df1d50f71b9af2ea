using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The upload staging conformance tests on PostgreSQL (a fresh database for the class).</summary>
public sealed class PostgresUploadStagingTests(PostgresBackend database) : UploadStagingConformance(database), IClassFixture<PostgresBackend>;
