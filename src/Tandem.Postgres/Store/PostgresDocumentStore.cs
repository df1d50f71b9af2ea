using Npgsql;
using NpgsqlTypes;
using Tandem.Access;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>
/// The knowledge base on PostgreSQL: the SQLite store's tables and rules (stable content-hash
/// ids, one transaction per ingest, access filtering inside every read query) on a database that
/// several server nodes share. Writes to the knowledge base take one transaction-scoped advisory
/// lock, as SQLite's BEGIN IMMEDIATE takes its file's write lock: writers run one at a time (reads
/// never wait), so two nodes ingesting the same file cannot both create it, and change stamps
/// follow commit order, which the change feed relies on.
/// </summary>
public sealed partial class PostgresDocumentStore : IDocumentStore
{
    /// <summary>The advisory lock every knowledge-base write holds until it commits.</summary>
    private const long WriteLock = 0x54414E44454D0002;

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly IAccessPolicy _access;

    public PostgresDocumentStore(PostgresDatabase database, TimeProvider? time = null, IAccessPolicy? access = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
        _access = access ?? AccessPolicy.Default;
    }

    /// <inheritdoc />
    /// <remarks>Which document a file updates follows the SQLite store exactly (see <see cref="SqliteDocumentStore.IngestAsync"/>).</remarks>
    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await WriteAsync((connection, transaction, now) => IngestInAsync(connection, transaction, request, now, cancellationToken), cancellationToken);
        }
        catch (TandemException ex) when (ex.InnerException is NpgsqlException)
        {
            // An unreachable or full database: say which file was not stored.
            throw new TandemException($"{request.Document.Source} was not stored: {ex.Message}", ex.Hint, ex);
        }
    }

    private async Task<IngestResult> IngestInAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IngestRequest request, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var doc = request.Document;
        var caller = request.Owner;
        var target = request.DocumentId is { } chosen
            ? await FindChosenTargetAsync(connection, transaction, chosen, doc.Source, caller, cancellationToken)
            : await FindOwnTargetAsync(connection, transaction, doc.Source, caller, cancellationToken);
        if (target is null)
        {
            var documentId = SqliteDocumentStore.DocumentIdFor(doc.Source, caller.UserId);
            var versionId = await InsertVersionAsync(connection, transaction, documentId, 1, request, now, cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, """
                INSERT INTO documents (id, source, title, media_type, current_version, current_version_id, created_at, updated_at)
                VALUES (@id, @source, @title, @media, 1, @vid, @now, @now)
                """, cancellationToken, ("id", documentId), ("source", doc.Source), ("title", doc.Title),
                ("media", doc.MediaType), ("vid", versionId), ("now", now));
            var access = (request.Access ?? AccessList.OwnerOnly(caller)).WithUser(caller.UserId);
            await ChangeAccessAsync(connection, transaction, documentId, [], access.Tokens, caller, now, cancellationToken);
            return new IngestResult(documentId, doc.Source, doc.Title, 1, request.Structure.Clauses.Count, IngestOutcome.Created);
        }

        var id = target.Id;
        // The owner keeps access whoever sets the list.
        var newAccess = request.Access?.WithUser(target.Owner).Tokens;
        var accessChanges = newAccess is not null && !newAccess.SequenceEqual(target.Access);
        var contentChanges = target.ContentHash != doc.ContentHash;
        if (!contentChanges && !target.Retired && !accessChanges)
        {
            // Unchanged: nothing is written, not even a timestamp.
            return new IngestResult(id, doc.Source, doc.Title, target.Version, target.ClauseCount, IngestOutcome.Unchanged);
        }

        var outcome = contentChanges ? IngestOutcome.NewVersion : target.Retired ? IngestOutcome.Restored : IngestOutcome.AccessChanged;
        var (version, clauses) = (target.Version, target.ClauseCount);
        if (contentChanges)
        {
            (version, clauses) = (target.Version + 1, request.Structure.Clauses.Count);
            var versionId = await InsertVersionAsync(connection, transaction, id, version, request, now, cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, """
                UPDATE documents SET title = @title, media_type = @media, current_version = @version,
                    current_version_id = @vid, updated_at = @now, retired_at = NULL
                WHERE id = @id
                """, cancellationToken, ("id", id), ("title", doc.Title), ("media", doc.MediaType),
                ("version", version), ("vid", versionId), ("now", now));
        }
        else
        {
            await Sql.ExecuteAsync(connection, transaction, "UPDATE documents SET retired_at = NULL, updated_at = @now WHERE id = @id",
                cancellationToken, ("now", now), ("id", id));
        }

        if (accessChanges)
        {
            await ChangeAccessAsync(connection, transaction, id, target.Access, newAccess!, caller, now, cancellationToken);
        }

        return new IngestResult(id, doc.Source, doc.Title, version, clauses, outcome);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> RetireMissingAsync(string folder, IReadOnlySet<string> presentSources, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentSources);
        ArgumentNullException.ThrowIfNull(caller);
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return WriteAsync<IReadOnlyList<string>>(async (connection, transaction, now) =>
        {
            // A sync mirrors the caller's own documents, as its ingest does: others' are left alone.
            await using var select = Sql.Command(connection, transaction, $"""
                SELECT d.id, d.source FROM documents d
                WHERE d.retired_at IS NULL AND left(d.source, length(@prefix)) = @prefix AND {OwnerColumn("d.id")} = @caller
                """, ("prefix", prefix), ("caller", caller.UserId));
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

            await Sql.ExecuteAsync(connection, transaction, "UPDATE documents SET retired_at = @now, updated_at = @now WHERE id = ANY(@ids)",
                cancellationToken, ("now", now), ("ids", retired.ToArray()));
            return retired;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredDocument?> GetDocumentAsync(string documentId, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _database.RunAsync(async connection =>
        {
            await using var command = Sql.Command(connection, null, $"""
                SELECT d.id, d.title, d.source, d.media_type, d.current_version, v.content_hash, v.text, v.id, {AccessColumn("d.id")}, {OwnerColumn("d.id")}
                FROM documents d JOIN versions v ON v.id = d.current_version_id
                WHERE d.id = @id AND {AccessFilter("d.id", caller, out var accessParameters)}
                """, ("id", documentId));
            Sql.Add(command, accessParameters);
            StoredDocument document;
            long versionId;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                versionId = reader.GetInt64(7);
                document = new StoredDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetInt32(4), reader.GetString(5), reader.GetString(6), [])
                {
                    Access = Tokens(reader, 8),
                    Owner = reader.GetString(9),
                };
            }

            return document with
            {
                Clauses = await ReadClausesAsync(connection, null, versionId, cancellationToken),
                AccessHistory = _access.CanChange(caller, document.Owner) ? await ReadAccessHistoryAsync(connection, documentId, cancellationToken) : [],
            };
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(Principal caller, bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _database.RunAsync<IReadOnlyList<DocumentSummary>>(async connection =>
        {
            // Ordered by title then id with the "C" collation: the order SQLite's binary comparison gives.
            await using var command = Sql.Command(connection, null, $"""
                SELECT d.id, d.title, d.source, d.current_version, z.clauses, d.updated_at, d.retired_at IS NOT NULL
                FROM documents d JOIN version_lengths z ON z.version_id = d.current_version_id
                WHERE (@all OR d.retired_at IS NULL) AND {AccessFilter("d.id", caller, out var accessParameters)}
                ORDER BY d.title COLLATE "C", d.id COLLATE "C"
                """, ("all", includeRetired));
            Sql.Add(command, accessParameters);
            var list = new List<DocumentSummary>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new DocumentSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    reader.GetInt32(4), reader.GetTime(5), reader.GetBoolean(6)));
            }

            return list;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<KnowledgeBaseActivity> GetActivityAsync(Principal caller, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _database.RunAsync(async connection =>
        {
            var filter = AccessFilter("document_id", caller, out var accessParameters);
            var documentFilter = AccessFilter("id", caller, out _);
            await using var first = Sql.Command(connection, null,
                $"SELECT min(ingested_at), (SELECT count(*) FROM documents WHERE retired_at IS NULL AND {documentFilter}) FROM versions WHERE {filter}");
            Sql.Add(first, accessParameters);
            DateTimeOffset? start;
            int documents;
            await using (var reader = await first.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                start = reader.TimeOrNull(0);
                documents = (int)reader.GetInt64(1);
            }

            if (start is not { } historyStart)
            {
                return new KnowledgeBaseActivity(0, 0, 0);
            }

            var now = _time.GetUtcNow();
            var since = now - window;
            var from = historyStart > since ? historyStart : since;
            await using var count = Sql.Command(connection, null, $"""
                SELECT (SELECT count(*) FROM versions WHERE {filter} AND ingested_at >= @from AND (version > 1 OR ingested_at >= @loaded))
                     + (SELECT count(*) FROM documents WHERE {documentFilter} AND retired_at >= @from)
                """, ("from", Sql.Time(from)), ("loaded", Sql.Time(historyStart.AddDays(1))));
            Sql.Add(count, accessParameters);
            var changes = (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
            return new KnowledgeBaseActivity(documents, changes, (now - from).TotalDays);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction holding the knowledge base's write lock,
    /// with the time to stamp: the clock, or the newest stamp already written when the clock is
    /// behind it (another node's clock may run ahead), so stamps never go backwards in commit order.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, DateTimeOffset, Task<T>> write, CancellationToken cancellationToken) =>
        _database.InTransactionAsync(async (connection, transaction) =>
        {
            await Sql.ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({WriteLock})", cancellationToken);
            // The clock is read once the lock is held, so a writer that waited does not stamp the time it started waiting.
            await using var stamp = Sql.Command(connection, transaction, "SELECT greatest(@now, max(updated_at)) FROM documents", ("now", Sql.Time(_time.GetUtcNow())));
            await using var reader = await stamp.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var now = reader.GetTime(0);
            await reader.DisposeAsync();
            return await write(connection, transaction, now);
        }, cancellationToken);

    private static async Task<long> InsertVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, int version,
        IngestRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var doc = request.Document;
        await using var insertVersion = Sql.Command(connection, transaction, """
            INSERT INTO versions (document_id, version, content_hash, byte_size, text, ingested_by, ingested_at)
            VALUES (@doc, @version, @hash, @size, @text, @by, @now) RETURNING id
            """, ("doc", documentId), ("version", version), ("hash", doc.ContentHash), ("size", doc.ByteSize),
            ("text", doc.Text), ("by", request.Owner.UserId), ("now", now));
        var versionId = (long)(await insertVersion.ExecuteScalarAsync(cancellationToken))!;

        // Every clause in one statement: arrays unnested in order, so row ids follow the clause order as in SQLite.
        var clauses = request.Structure.Clauses;
        var terms = clauses.Select(c => ClauseTerms.For(c.Text, c.Heading)).ToList();
        await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO clauses (clause_id, version_id, document_id, ordinal, path, heading, kind, start_offset, end_offset, text, tokens, terms)
            SELECT c.cid, @vid, @doc, c.ordinal, c.path, c.heading, c.kind, c.start_offset, c.end_offset, c.text, c.tokens, c.terms::tsvector
            FROM unnest(@cids, @ordinals, @paths, @headings, @kinds, @starts, @ends, @texts, @tokens, @terms) WITH ORDINALITY
                AS c(cid, ordinal, path, heading, kind, start_offset, end_offset, text, tokens, terms, n)
            ORDER BY c.n
            """, cancellationToken, ("vid", versionId), ("doc", documentId),
            ("cids", clauses.Select(c => SqliteDocumentStore.ClauseIdFor(documentId, c)).ToArray()),
            ("ordinals", clauses.Select(c => c.Ordinal).ToArray()),
            ("paths", clauses.Select(c => c.Path).ToArray()),
            ("headings", Parameter(clauses.Select(c => c.Heading).ToArray())),
            ("kinds", clauses.Select(c => c.Kind.ToString()).ToArray()),
            ("starts", clauses.Select(c => c.Start).ToArray()),
            ("ends", clauses.Select(c => c.End).ToArray()),
            ("texts", clauses.Select(c => c.Text).ToArray()),
            ("tokens", terms.Select(t => t.Tokens).ToArray()),
            ("terms", terms.Select(t => t.Vector).ToArray()));
        await Sql.ExecuteAsync(connection, transaction, "INSERT INTO version_lengths (version_id, clauses, tokens) VALUES (@vid, @clauses, @tokens)",
            cancellationToken, ("vid", versionId), ("clauses", clauses.Count), ("tokens", terms.Sum(t => (long)t.Tokens)));

        var defined = request.Structure.DefinedTerms;
        await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO defined_terms (version_id, term, start_offset, clause_ordinal)
            SELECT @vid, t.term, t.start_offset, t.clause_ordinal FROM unnest(@terms, @starts, @ordinals) AS t(term, start_offset, clause_ordinal)
            """, cancellationToken, ("vid", versionId), ("terms", defined.Select(t => t.Term).ToArray()),
            ("starts", defined.Select(t => t.Start).ToArray()), ("ordinals", defined.Select(t => t.ClauseOrdinal).ToArray()));
        return versionId;
    }

    /// <summary>A text[] parameter that may hold nulls (a clause without a heading).</summary>
    private static NpgsqlParameter<string?[]> Parameter(string?[] values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };

    private static async Task<IReadOnlyList<StoredClause>> ReadClausesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long versionId,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, """
            SELECT clause_id, ordinal, path, heading, kind, start_offset, end_offset, text
            FROM clauses WHERE version_id = @vid ORDER BY ordinal
            """, ("vid", versionId));
        var clauses = new List<StoredClause>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var clause = new Clause(reader.GetInt32(1), reader.GetString(2), reader.TextOrNull(3),
                Enum.Parse<ClauseKind>(reader.GetString(4)), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7));
            clauses.Add(new StoredClause(reader.GetString(0), clause));
        }

        return clauses;
    }
}
