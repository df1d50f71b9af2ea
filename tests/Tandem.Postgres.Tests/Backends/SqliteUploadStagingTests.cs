using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The upload staging conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteUploadStagingTests() : UploadStagingConformance(new SqliteBackend());
