using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Retrieval;

namespace Tandem.Store;

/// <summary>
/// The embedded store: one SQLite file (WAL mode) with an FTS5 index over clauses. Each ingest
/// is one IMMEDIATE transaction, so a failure leaves the previous state; access filtering is a
/// clause of every read query.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private volatile bool _initialised;

    public SqliteDocumentStore(SqliteStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = new SqliteDatabase(options.DatabasePath, options.BusyTimeout);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long a write waits for another process's lock before giving up.</summary>
    public TimeSpan BusyTimeout => _database.BusyTimeout;

    /// <inheritdoc />
    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var doc = request.Document;
        var documentId = DocumentIdFor(doc.Source);
        try
        {
            return await IngestOnceAsync(request, documentId, cancellationToken);
        }
        catch (TandemException ex) when (ex.InnerException is SqliteException)
        {
            // A busy or unwritable database: say which file was not stored.
            throw new TandemException($"{doc.Source} was not stored: {ex.Message}", ex.Hint, ex);
        }
    }

    private async Task<IngestResult> IngestOnceAsync(IngestRequest request, string documentId, CancellationToken cancellationToken)
    {
        var doc = request.Document;
        return await WithConnectionAsync(connection => InTransactionAsync(connection, async () =>
        {
            var now = Timestamp();
            var existing = await ReadDocumentRowAsync(connection, documentId, cancellationToken);
            IngestOutcome outcome;
            int version;
            if (existing is null)
            {
                outcome = IngestOutcome.Created;
                version = 1;
            }
            else
            {
                var allowed = await ReadAccessAsync(connection, documentId, cancellationToken);
                if (!request.Owner.AccessTokens.Any(allowed.Contains))
                {
                    throw new TandemException($"'{doc.Title}' is already in the knowledge base and you ({request.Owner.UserId}) have no access to it",
                        "ask someone on its access list to update it");
                }

                if (existing.Value.ContentHash == doc.ContentHash)
                {
                    if (existing.Value.Retired)
                    {
                        await ExecuteAsync(connection, "UPDATE documents SET retired_at = NULL, updated_at = $now WHERE id = $id",
                            cancellationToken, ("$now", now), ("$id", documentId));
                        await ReplaceAccessAsync(connection, documentId, request.Access, cancellationToken);
                        return new IngestResult(documentId, doc.Source, doc.Title, existing.Value.Version, existing.Value.ClauseCount, IngestOutcome.Restored);
                    }

                    // Unchanged content: nothing is written, not even a timestamp.
                    return new IngestResult(documentId, doc.Source, doc.Title, existing.Value.Version, existing.Value.ClauseCount, IngestOutcome.Unchanged);
                }

                outcome = IngestOutcome.NewVersion;
                version = existing.Value.Version + 1;
            }

            var versionId = await InsertVersionAsync(connection, documentId, version, request, now, cancellationToken);
            if (existing is null)
            {
                await ExecuteAsync(connection, """
                    INSERT INTO documents (id, source, title, media_type, current_version, current_version_id, created_at, updated_at)
                    VALUES ($id, $source, $title, $media, $version, $vid, $now, $now)
                    """, cancellationToken, ("$id", documentId), ("$source", doc.Source), ("$title", doc.Title),
                    ("$media", doc.MediaType), ("$version", version), ("$vid", versionId), ("$now", now));
                await ReplaceAccessAsync(connection, documentId, request.Access ?? AccessList.OwnerOnly(request.Owner), cancellationToken);
            }
            else
            {
                await ExecuteAsync(connection, """
                    UPDATE documents SET title = $title, media_type = $media, current_version = $version,
                        current_version_id = $vid, updated_at = $now, retired_at = NULL
                    WHERE id = $id
                    """, cancellationToken, ("$id", documentId), ("$title", doc.Title), ("$media", doc.MediaType),
                    ("$version", version), ("$vid", versionId), ("$now", now));
                await ReplaceAccessAsync(connection, documentId, request.Access, cancellationToken);
            }

            return new IngestResult(documentId, doc.Source, doc.Title, version, request.Structure.Clauses.Count, outcome);
        }, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> RetireMissingAsync(string folder, IReadOnlySet<string> presentSources, Principal caller, CancellationToken cancellationToken = default)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return WithConnectionAsync(connection => InTransactionAsync<IReadOnlyList<string>>(connection, async () =>
        {
            using var select = Command(connection, $"""
                SELECT d.id, d.source FROM documents d
                WHERE d.retired_at IS NULL AND substr(d.source, 1, length($prefix)) = $prefix
                  AND {AccessFilter("d.id", caller, out var accessParameters)}
                """, ("$prefix", prefix));
            AddParameters(select, accessParameters);
            var retired = new List<string>();
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (!presentSources.Contains(reader.GetString(1)))
                    {
                        retired.Add(reader.GetString(0));
                    }
                }
            }

            var now = Timestamp();
            foreach (var id in retired)
            {
                await ExecuteAsync(connection, "UPDATE documents SET retired_at = $now, updated_at = $now WHERE id = $id",
                    cancellationToken, ("$now", now), ("$id", id));
            }

            return retired;
        }, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Passage>> SearchAsync(string query, Principal caller, int limit = 10, CancellationToken cancellationToken = default)
    {
        var match = KeywordQuery.ToMatchExpression(query)
            ?? throw new TandemException($"the query '{query}' has no searchable words", "use a few content words, e.g. \"limitation of liability\"");
        return WithConnectionAsync<IReadOnlyList<Passage>>(async connection =>
        {
            // bm25() is lower-is-better; the text column weighs more than the heading.
            using var command = Command(connection, $"""
                SELECT d.id, d.title, d.current_version, c.clause_id, c.path, c.heading, c.start_offset, c.end_offset, c.text,
                       bm25(clauses_fts, 1.0, 0.5) AS rank
                FROM clauses_fts
                JOIN clauses c ON c.id = clauses_fts.rowid
                JOIN documents d ON d.id = c.document_id AND d.current_version_id = c.version_id AND d.retired_at IS NULL
                WHERE clauses_fts MATCH $match AND {AccessFilter("c.document_id", caller, out var accessParameters)}
                ORDER BY rank
                LIMIT $limit
                """, ("$match", match), ("$limit", Math.Clamp(limit, 1, 1000)));
            AddParameters(command, accessParameters);
            var passages = new List<Passage>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                passages.Add(new Passage(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7),
                    reader.GetString(8), -reader.GetDouble(9)));
            }

            return passages;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredDocument?> GetDocumentAsync(string documentId, Principal caller, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            using var command = Command(connection, $"""
                SELECT d.id, d.title, d.source, d.media_type, d.current_version, v.content_hash, v.text, v.id,
                       (SELECT group_concat(a.principal, char(10)) FROM document_access a WHERE a.document_id = d.id)
                FROM documents d JOIN versions v ON v.id = d.current_version_id
                WHERE d.id = $id AND {AccessFilter("d.id", caller, out var accessParameters)}
                """, ("$id", documentId));
            AddParameters(command, accessParameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var versionId = reader.GetInt64(7);
            var clauses = await ReadClausesAsync(connection, versionId, cancellationToken);
            var access = reader.IsDBNull(8) ? [] : reader.GetString(8).Split('\n').Order(StringComparer.Ordinal).ToArray();
            return new StoredDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetString(5), reader.GetString(6), clauses) { Access = access };
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(Principal caller, bool includeRetired = false, CancellationToken cancellationToken = default) =>
        WithConnectionAsync<IReadOnlyList<DocumentSummary>>(async connection =>
        {
            using var command = Command(connection, $"""
                SELECT d.id, d.title, d.source, d.current_version,
                       (SELECT count(*) FROM clauses c WHERE c.version_id = d.current_version_id), d.updated_at, d.retired_at IS NOT NULL
                FROM documents d
                WHERE ($all = 1 OR d.retired_at IS NULL) AND {AccessFilter("d.id", caller, out var accessParameters)}
                ORDER BY d.title, d.id
                """, ("$all", includeRetired ? 1 : 0));
            AddParameters(command, accessParameters);
            var list = new List<DocumentSummary>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new DocumentSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    reader.GetInt32(4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetBoolean(6)));
            }

            return list;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<KnowledgeBaseActivity> GetActivityAsync(Principal caller, TimeSpan window, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            var filter = AccessFilter("document_id", caller, out var accessParameters);
            using var first = Command(connection, $"SELECT min(ingested_at), (SELECT count(*) FROM documents WHERE retired_at IS NULL AND {AccessFilter("id", caller, out _)}) FROM versions WHERE {filter}");
            AddParameters(first, accessParameters);
            string? start;
            int documents;
            await using (var reader = await first.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                start = reader.IsDBNull(0) ? null : reader.GetString(0);
                documents = reader.GetInt32(1);
            }

            if (start is null)
            {
                return new KnowledgeBaseActivity(0, 0, 0);
            }

            var now = _time.GetUtcNow();
            var since = now - window;
            var historyStart = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
            var from = historyStart > since ? historyStart : since;
            var initialLoadEnd = historyStart.AddDays(1);
            using var count = Command(connection, $"""
                SELECT (SELECT count(*) FROM versions WHERE {filter} AND ingested_at >= $from AND (version > 1 OR ingested_at >= $loaded))
                     + (SELECT count(*) FROM documents WHERE {AccessFilter("id", caller, out _)} AND retired_at >= $from)
                """, ("$from", Format(from)), ("$loaded", Format(initialLoadEnd)));
            AddParameters(count, accessParameters);
            var changes = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return new KnowledgeBaseActivity(documents, changes, (now - from).TotalDays);
        }, cancellationToken);

    /// <summary>The stable document id for a source path.</summary>
    public static string DocumentIdFor(string source) => "doc_" + ShortHash(Path.GetFullPath(source));

    /// <summary>The stable clause id: unchanged clauses keep their id across versions.</summary>
    public static string ClauseIdFor(string documentId, Clause clause) => "cl_" + ShortHash(documentId + "\n" + clause.Path + "\n" + clause.Text);

    private static string ShortHash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];

    private async Task<long> InsertVersionAsync(SqliteConnection connection, string documentId, int version, IngestRequest request, string now, CancellationToken cancellationToken)
    {
        var doc = request.Document;
        using var insertVersion = Command(connection, """
            INSERT INTO versions (document_id, version, content_hash, byte_size, text, ingested_by, ingested_at)
            VALUES ($doc, $version, $hash, $size, $text, $by, $now) RETURNING id
            """, ("$doc", documentId), ("$version", version), ("$hash", doc.ContentHash), ("$size", doc.ByteSize),
            ("$text", doc.Text), ("$by", request.Owner.UserId), ("$now", now));
        var versionId = (long)(await insertVersion.ExecuteScalarAsync(cancellationToken))!;

        using var insertClause = Command(connection, """
            INSERT INTO clauses (clause_id, version_id, document_id, ordinal, path, heading, kind, start_offset, end_offset, text)
            VALUES ($cid, $vid, $doc, $ordinal, $path, $heading, $kind, $start, $end, $text) RETURNING id
            """);
        using var insertFts = Command(connection, "INSERT INTO clauses_fts (rowid, text, heading) VALUES ($rowid, $text, $heading)");
        foreach (var clause in request.Structure.Clauses)
        {
            SetParameters(insertClause, ("$cid", ClauseIdFor(documentId, clause)), ("$vid", versionId), ("$doc", documentId),
                ("$ordinal", clause.Ordinal), ("$path", clause.Path), ("$heading", clause.Heading), ("$kind", clause.Kind.ToString()),
                ("$start", clause.Start), ("$end", clause.End), ("$text", clause.Text));
            var rowId = (long)(await insertClause.ExecuteScalarAsync(cancellationToken))!;
            SetParameters(insertFts, ("$rowid", rowId), ("$text", clause.Text), ("$heading", clause.Heading));
            await insertFts.ExecuteNonQueryAsync(cancellationToken);
        }

        using var insertTerm = Command(connection, "INSERT INTO defined_terms (version_id, term, start_offset, clause_ordinal) VALUES ($vid, $term, $start, $ordinal)");
        foreach (var term in request.Structure.DefinedTerms)
        {
            SetParameters(insertTerm, ("$vid", versionId), ("$term", term.Term), ("$start", term.Start), ("$ordinal", term.ClauseOrdinal));
            await insertTerm.ExecuteNonQueryAsync(cancellationToken);
        }

        return versionId;
    }

    private static async Task<IReadOnlyList<StoredClause>> ReadClausesAsync(SqliteConnection connection, long versionId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, """
            SELECT clause_id, ordinal, path, heading, kind, start_offset, end_offset, text
            FROM clauses WHERE version_id = $vid ORDER BY ordinal
            """, ("$vid", versionId));
        var clauses = new List<StoredClause>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var clause = new Clause(reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Enum.Parse<ClauseKind>(reader.GetString(4)), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7));
            clauses.Add(new StoredClause(reader.GetString(0), clause));
        }

        return clauses;
    }

    private static async Task<(int Version, string ContentHash, bool Retired, int ClauseCount)?> ReadDocumentRowAsync(SqliteConnection connection, string documentId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, """
            SELECT d.current_version, v.content_hash, d.retired_at IS NOT NULL, (SELECT count(*) FROM clauses c WHERE c.version_id = v.id)
            FROM documents d JOIN versions v ON v.id = d.current_version_id WHERE d.id = $id
            """, ("$id", documentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2), reader.GetInt32(3))
            : null;
    }

    private static async Task<HashSet<string>> ReadAccessAsync(SqliteConnection connection, string documentId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, "SELECT principal FROM document_access WHERE document_id = $id", ("$id", documentId));
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(reader.GetString(0));
        }

        return tokens;
    }

    private static async Task ReplaceAccessAsync(SqliteConnection connection, string documentId, AccessList? access, CancellationToken cancellationToken)
    {
        if (access is null)
        {
            return;
        }

        await ExecuteAsync(connection, "DELETE FROM document_access WHERE document_id = $id", cancellationToken, ("$id", documentId));
        foreach (var token in access.Tokens)
        {
            await ExecuteAsync(connection, "INSERT INTO document_access (document_id, principal) VALUES ($id, $p)",
                cancellationToken, ("$id", documentId), ("$p", token));
        }
    }

    /// <summary>The SQL condition "the caller holds a token on the document's access list".</summary>
    internal static string AccessFilter(string documentColumn, Principal caller, out (string Name, object? Value)[] parameters)
    {
        parameters = caller.AccessTokens.Select((t, i) => ($"$acl{i}", (object?)t)).ToArray();
        var names = string.Join(", ", parameters.Select(p => p.Name));
        return $"{documentColumn} IN (SELECT document_id FROM document_access WHERE principal IN ({names}))";
    }

    private Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> action, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection =>
        {
            await InitialiseAsync(connection, cancellationToken);
            return await action(connection);
        }, cancellationToken: cancellationToken);

    private async Task InitialiseAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (_initialised)
        {
            return;
        }

        using var versionCommand = Command(connection, "PRAGMA user_version");
        var schemaVersion = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (schemaVersion > SqliteSchema.Version)
        {
            throw new TandemException($"the database {_database.Path} was written by a newer Tandem (schema {schemaVersion})", "upgrade tandem");
        }

        if (schemaVersion < SqliteSchema.Version)
        {
            // Several processes may meet a new file at once: the schema is IF NOT EXISTS, in one write transaction.
            await InTransactionAsync(connection, async () =>
            {
                await ExecuteAsync(connection, SqliteSchema.Create + $"\nPRAGMA user_version = {SqliteSchema.Version};", cancellationToken);
                return true;
            }, cancellationToken);
        }

        _initialised = true;
    }

    /// <summary>
    /// Runs <paramref name="body"/> inside BEGIN IMMEDIATE ... COMMIT: the write lock is taken up
    /// front, and any failure rolls everything back.
    /// </summary>
    private static async Task<T> InTransactionAsync<T>(SqliteConnection connection, Func<Task<T>> body, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
        try
        {
            var result = await body();
            await ExecuteAsync(connection, "COMMIT", cancellationToken);
            return result;
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    private string Timestamp() => Format(_time.GetUtcNow());

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        return command;
    }

    private static void AddParameters(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static void SetParameters(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        AddParameters(command, parameters);
    }
}
