using Tandem.Postgres.Tests.Conformance;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Backends;

/// <summary>The change feed conformance tests on the embedded SQLite store.</summary>
public sealed class SqliteKnowledgeBaseFeedTests() : KnowledgeBaseFeedConformance(new SqliteBackend());
