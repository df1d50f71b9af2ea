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
public sealed partial class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly IAccessPolicy _access;
    private volatile bool _initialised;

    public SqliteDocumentStore(SqliteStoreOptions options, TimeProvider? time = null, IAccessPolicy? access = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = new SqliteDatabase(options.DatabasePath, options.BusyTimeout);
        _time = time ?? TimeProvider.System;
        _access = access ?? AccessPolicy.Default;
    }

    /// <summary>How long a write waits for another process's lock before giving up.</summary>
    public TimeSpan BusyTimeout => _database.BusyTimeout;

    /// <inheritdoc />
    /// <remarks>
    /// Which document a file updates: the caller's own document from its path, or the document
    /// the request names (<see cref="IngestRequest.DocumentId"/>; its owner or an admin). Anyone
    /// else's document from the same path, readable or not, is left alone: the file becomes a new
    /// document of the caller's, whose id hashes the caller and the path, so the answer is the same
    /// whether or not someone else stored that path, and nobody who stored a path first captures
    /// the caller's later versions, reports or corrections. Every access list set is recorded as
    /// an access event, and the training examples taken from the document follow it.
    /// </remarks>
    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await IngestOnceAsync(request, cancellationToken);
        }
        catch (TandemException ex) when (ex.InnerException is SqliteException)
        {
            // A busy or unwritable database: say which file was not stored.
            throw new TandemException($"{request.Document.Source} was not stored: {ex.Message}", ex.Hint, ex);
        }
    }

    private async Task<IngestResult> IngestOnceAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var doc = request.Document;
        var caller = request.Owner;
        return await WithConnectionAsync(async connection =>
        {
            return await InTransactionAsync(connection, async () =>
            {
                var now = Timestamp();
                var target = request.DocumentId is { } chosen
                    ? await FindChosenTargetAsync(connection, chosen, doc.Source, caller, cancellationToken)
                    : await FindOwnTargetAsync(connection, doc.Source, caller, cancellationToken);
                if (target is null)
                {
                    var documentId = DocumentIdFor(doc.Source, caller.UserId);
                    var versionId = await InsertVersionAsync(connection, documentId, 1, request, now, cancellationToken);
                    await ExecuteAsync(connection, """
                        INSERT INTO documents (id, source, title, media_type, current_version, current_version_id, created_at, updated_at)
                        VALUES ($id, $source, $title, $media, 1, $vid, $now, $now)
                        """, cancellationToken, ("$id", documentId), ("$source", doc.Source), ("$title", doc.Title),
                        ("$media", doc.MediaType), ("$vid", versionId), ("$now", now));
                    var access = (request.Access ?? AccessList.OwnerOnly(caller)).WithUser(caller.UserId);
                    await ChangeAccessAsync(connection, documentId, [], access.Tokens, caller, now, cancellationToken);
                    return new IngestResult(documentId, doc.Source, doc.Title, 1, request.Structure.Clauses.Count, IngestOutcome.Created);
                }

                var (id, owner, current, existing) = (target.Id, target.Owner, target.Access, target);
                // The owner keeps access whoever sets the list.
                var newAccess = request.Access?.WithUser(owner).Tokens;
                var accessChanges = newAccess is not null && !newAccess.SequenceEqual(current);
                var contentChanges = existing.ContentHash != doc.ContentHash;
                if (!contentChanges && !existing.Retired && !accessChanges)
                {
                    // Unchanged: nothing is written, not even a timestamp.
                    return new IngestResult(id, doc.Source, doc.Title, existing.Version, existing.ClauseCount, IngestOutcome.Unchanged);
                }

                var outcome = contentChanges ? IngestOutcome.NewVersion : existing.Retired ? IngestOutcome.Restored : IngestOutcome.AccessChanged;
                var (version, clauses) = (existing.Version, existing.ClauseCount);
                if (contentChanges)
                {
                    (version, clauses) = (existing.Version + 1, request.Structure.Clauses.Count);
                    var versionId = await InsertVersionAsync(connection, id, version, request, now, cancellationToken);
                    await ExecuteAsync(connection, """
                        UPDATE documents SET title = $title, media_type = $media, current_version = $version,
                            current_version_id = $vid, updated_at = $now, retired_at = NULL
                        WHERE id = $id
                        """, cancellationToken, ("$id", id), ("$title", doc.Title), ("$media", doc.MediaType),
                        ("$version", version), ("$vid", versionId), ("$now", now));
                }
                else
                {
                    await ExecuteAsync(connection, "UPDATE documents SET retired_at = NULL, updated_at = $now WHERE id = $id",
                        cancellationToken, ("$now", now), ("$id", id));
                }

                if (accessChanges)
                {
                    await ChangeAccessAsync(connection, id, current, newAccess!, caller, now, cancellationToken);
                }

                return new IngestResult(id, doc.Source, doc.Title, version, clauses, outcome);
            }, cancellationToken);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> RetireMissingAsync(string folder, IReadOnlySet<string> presentSources, Principal caller, CancellationToken cancellationToken = default)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return WithConnectionAsync(connection => InTransactionAsync<IReadOnlyList<string>>(connection, async () =>
        {
            // A sync mirrors the caller's own documents, as its ingest does: others' (a reader's or an admin's view of them) are left alone.
            using var select = Command(connection, $"""
                SELECT d.id, d.source FROM documents d
                WHERE d.retired_at IS NULL AND substr(d.source, 1, length($prefix)) = $prefix AND {OwnerColumn("d.id")} = $caller
                """, ("$prefix", prefix), ("$caller", caller.UserId));
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
    public Task<StoredDocument?> GetDocumentAsync(string documentId, Principal caller, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            using var command = Command(connection, $"""
                SELECT d.id, d.title, d.source, d.media_type, d.current_version, v.content_hash, v.text, v.id, {AccessColumn("d.id")}, {OwnerColumn("d.id")}
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
            var owner = reader.GetString(9);
            var clauses = await ReadClausesAsync(connection, versionId, cancellationToken);
            return new StoredDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetString(5), reader.GetString(6), clauses)
            {
                Access = Tokens(reader, 8),
                Owner = owner,
                AccessHistory = _access.CanChange(caller, owner) ? await ReadAccessHistoryAsync(connection, documentId, cancellationToken) : [],
            };
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

    /// <summary>
    /// The stable id of the document <paramref name="owner"/> creates from a source path (scoped to
    /// the owner, so it says nothing about anyone else's document from the same path).
    /// </summary>
    public static string DocumentIdFor(string source, string owner) => "doc_" + ShortHash(owner + "\n" + Path.GetFullPath(source));

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
        var stored = new List<(long, string, string?)>(request.Structure.Clauses.Count);
        foreach (var clause in request.Structure.Clauses)
        {
            SetParameters(insertClause, ("$cid", ClauseIdFor(documentId, clause)), ("$vid", versionId), ("$doc", documentId),
                ("$ordinal", clause.Ordinal), ("$path", clause.Path), ("$heading", clause.Heading), ("$kind", clause.Kind.ToString()),
                ("$start", clause.Start), ("$end", clause.End), ("$text", clause.Text));
            var rowId = (long)(await insertClause.ExecuteScalarAsync(cancellationToken))!;
            SetParameters(insertFts, ("$rowid", rowId), ("$text", clause.Text), ("$heading", clause.Heading));
            await insertFts.ExecuteNonQueryAsync(cancellationToken);
            stored.Add((rowId, clause.Text, clause.Heading));
        }

        await ClauseLengths.RecordAsync(connection, versionId, stored, cancellationToken);

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

        // Checked on every first open, so a process killed between the two steps cannot leave schema 1's table behind.
        await DocumentsTableMigration.ApplyAsync(connection, cancellationToken);
        await BackfillLengthsAsync(connection, cancellationToken);
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
