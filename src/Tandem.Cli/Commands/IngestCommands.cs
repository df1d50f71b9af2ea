using System.CommandLine;
using Spectre.Console;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem ingest</c>, <c>tandem sync</c> and <c>tandem documents</c>.</summary>
internal static class IngestCommands
{
    public static Command Ingest(CommandRunner run)
    {
        var path = new Argument<string>("path") { Description = "A contract file, or a folder to ingest recursively" };
        var document = new Option<string?>("--document") { Description = "Update this stored document from the file (its owner or an admin; the same path); default: your own document from the path" };
        var command = new Command("ingest", "Add files to the knowledge base (unchanged files change nothing; changed ones become a new version)")
        {
            path, CliOptions.Access, document,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var target = parse.GetValue(path)!;
            var access = context.ParseAccess(parse.GetValue(CliOptions.Access));
            if (parse.GetValue(document) is { } chosen)
            {
                await context.Output.WriteLineAsync(Describe(await context.Ingestor.IngestFileAsync(target, context.Caller, access, chosen, cancellationToken)));
                return await EmbedAsync(context, 0, cancellationToken);
            }

            if (Directory.Exists(target))
            {
                var report = await context.WithStatusAsync("ingesting", status =>
                    context.Ingestor.IngestFolderAsync(target, context.Caller, access, Progress(status), cancellationToken));
                return await EmbedAsync(context, await WriteAsync(context, report, "ingested"), cancellationToken);
            }

            var result = await context.Ingestor.IngestFileAsync(target, context.Caller, access, cancellationToken);
            await context.Output.WriteLineAsync(Describe(result));
            return await EmbedAsync(context, 0, cancellationToken);
        }));
        return command;
    }

    public static Command Sync(CommandRunner run)
    {
        var folder = new Argument<string>("folder") { Description = "Folder to mirror: new and changed files are ingested, removed ones retired" };
        var command = new Command("sync", "Keep the knowledge base in step with a folder") { folder, CliOptions.Access };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var access = context.ParseAccess(parse.GetValue(CliOptions.Access));
            var report = await context.WithStatusAsync("syncing", status =>
                context.Ingestor.SyncFolderAsync(parse.GetValue(folder)!, context.Caller, access, Progress(status), cancellationToken));
            return await EmbedAsync(context, await WriteAsync(context, report, "synced"), cancellationToken);
        }));
        return command;
    }

    public static Command Documents(CommandRunner run)
    {
        var all = new Option<bool>("--all") { Description = "Include retired documents" };
        var history = new Option<string?>("--history") { Description = "Show who changed this document's access list, and when (its owner and admins only)" };
        var command = new Command("documents", "List the documents you may read") { all, history };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if (parse.GetValue(history) is { } id)
            {
                return await WriteHistoryAsync(context, id, cancellationToken);
            }

            var documents = await context.Store.ListDocumentsAsync(context.Caller, parse.GetValue(all), cancellationToken);
            var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Title", "Version", "Clauses", "Updated", "Status");
            foreach (var d in documents)
            {
                table.AddRow(d.DocumentId, Markup.Escape(d.Title), d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    d.ClauseCount.ToString(System.Globalization.CultureInfo.InvariantCulture), d.UpdatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    d.Retired ? "retired" : "live");
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{documents.Count} documents");
            return 0;
        }));
        return command;
    }

    /// <summary>The access events of a document the caller owns or administers; any other is "not found" or refused.</summary>
    private static async Task<int> WriteHistoryAsync(CliContext context, string id, CancellationToken cancellationToken)
    {
        var document = await context.Store.GetDocumentAsync(id, context.Caller, cancellationToken)
            ?? throw StoredDocument.NotFound(id, context.Caller);
        if (!context.Access.CanChange(context.Caller, document.Owner))
        {
            throw new TandemException($"only the owner of {id} ({document.Owner}) or an admin may see its access history");
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("When", "By", "Before", "After");
        foreach (var e in document.AccessHistory)
        {
            table.AddRow(e.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.By),
                Markup.Escape(e.OldAccess.Count == 0 ? "-" : string.Join(", ", e.OldAccess)), Markup.Escape(string.Join(", ", e.NewAccess)));
        }

        context.Console.Write(table);
        await context.Output.WriteLineAsync($"{document.AccessHistory.Count} access changes of {id} ({document.Title}, owner {document.Owner}); readable now by {string.Join(", ", document.Access)}");
        return 0;
    }

    /// <summary>
    /// The embedding pass after the files are stored: the new and changed clauses get their vectors
    /// (unchanged ones have them already), with progress on stderr. Exits as the ingest did.
    /// </summary>
    private static async Task<int> EmbedAsync(CliContext context, int exit, CancellationToken cancellationToken)
    {
        var run = await context.WithProgressAsync("embedding", progress => context.Get<ClauseEmbedder>().EmbedMissingAsync(progress, cancellationToken));
        if (run.Embedded > 0)
        {
            await context.Output.WriteLineAsync($"embedded {run.Embedded} clause texts with {run.Model}");
        }

        return exit;
    }

    private static Progress<(int Done, int Total, string File)> Progress(Action<string> status) =>
        new(p => status($"{p.Done}/{p.Total} {Path.GetFileName(p.File)}"));

    /// <summary>Prints one line per file, errors on stderr, and a summary; exit 1 if any file failed.</summary>
    private static async Task<int> WriteAsync(CliContext context, SyncReport report, string verb)
    {
        foreach (var result in report.Ingested)
        {
            await context.Output.WriteLineAsync(Describe(result));
        }

        foreach (var skipped in report.Skipped)
        {
            await context.Output.WriteLineAsync($"skipped      {Path.GetFileName(skipped.Path)}: {skipped.Reason}");
        }

        foreach (var failure in report.Failed)
        {
            await context.Error.WriteLineAsync($"error: {failure.Message}");
        }

        foreach (var id in report.Retired)
        {
            await context.Output.WriteLineAsync($"retired      {id}");
        }

        var counts = report.Ingested.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        await context.Output.WriteLineAsync(
            $"{verb} {report.Ingested.Count + report.Failed.Count} files: {counts.GetValueOrDefault(IngestOutcome.Created)} new, " +
            $"{counts.GetValueOrDefault(IngestOutcome.NewVersion) + counts.GetValueOrDefault(IngestOutcome.AccessChanged)} changed, {counts.GetValueOrDefault(IngestOutcome.Unchanged)} unchanged, " +
            $"{counts.GetValueOrDefault(IngestOutcome.Restored)} restored, {report.Retired.Count} retired, {report.Failed.Count} failed" +
            (report.Skipped.Count > 0 ? $", {report.Skipped.Count} skipped" : string.Empty));
        return report.Failed.Count == 0 ? 0 : TandemCli.UserError;
    }

    private static string Describe(IngestResult result)
    {
        var outcome = result.Outcome switch
        {
            IngestOutcome.Created => "created",
            IngestOutcome.NewVersion => "new version",
            IngestOutcome.Restored => "restored",
            IngestOutcome.AccessChanged => "new access",
            _ => "unchanged",
        };
        return $"{outcome,-12} {result.DocumentId} v{result.Version}  {result.Title} ({result.ClauseCount} clauses)";
    }
}
