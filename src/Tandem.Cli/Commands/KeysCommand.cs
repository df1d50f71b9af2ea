using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tandem.Access;
using Tandem.Hosting;
using Tandem.Postgres.Hosting;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem keys create|list|revoke</c>: the server's API keys. These are the operator's
/// commands: whoever can open the store file (created 0600, so its owner) administers its keys,
/// as they could edit the file itself; here <c>--user</c> and <c>--groups</c> name the key's
/// holder, not the caller.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CommandRunner run)
    {
        // The keys of a server on PostgreSQL: whoever holds its connection string administers them.
        var store = new Option<string?>("--store")
        {
            Description = "The PostgreSQL connection string of a server started with 'tandem serve --store' (default: the SQLite store, --db)",
            Recursive = true,
        };
        return new("keys", "API keys for 'tandem serve' (stored hashed; the store file's owner administers them)")
        {
            store, CreateKey(run, store), List(run, store), Revoke(run, store),
        };
    }

    private static Command CreateKey(CommandRunner run, Option<string?> store)
    {
        var user = new Option<string>("--user") { Description = "The user the key authenticates as", Required = true };
        var groups = new Option<string?>("--groups") { Description = "The user's groups, comma-separated" };
        var admin = new Option<bool>("--admin") { Description = "An admin's key: adds the admin group (Tandem:Access:AdminGroup)" };
        var expires = new Option<string>("--expires") { Description = "Lifetime: 90d, 12h, 30m or never", DefaultValueFactory = _ => "never" };
        var command = new Command("create", "Create a key; it is printed once, on the last line") { user, groups, admin, expires };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var lifetime = ApiKeyToken.ParseLifetime(parse.GetValue(expires)!);
            var created = await Store(context, parse, store).CreateAsync(new ApiKeyRequest
            {
                UserId = parse.GetValue(user)!,
                Groups = (parse.GetValue(groups) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Admin = parse.GetValue(admin),
                Lifetime = lifetime,
            }, cancellationToken);
            var key = created.Key;
            await context.Output.WriteLineAsync($"key id:  {key.KeyId}");
            await context.Output.WriteLineAsync($"user:    {key.UserId}");
            await context.Output.WriteLineAsync($"groups:  {(key.Groups.Count == 0 ? "(none)" : string.Join(", ", key.Groups))}");
            await context.Output.WriteLineAsync($"expires: {When(key.ExpiresAt, "never")}");
            await context.Output.WriteLineAsync("The key is shown this once and stored only as a hash; send it as 'Authorization: Bearer <key>':");
            await context.Output.WriteLineAsync(created.Secret);
            return 0;
        }));
        return command;
    }

    private static Command List(CommandRunner run, Option<string?> store)
    {
        var command = new Command("list", "Every key: id, user, groups, created, expiry, last use, status (never a secret)");
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var keys = await Store(context, parse, store).ListAsync(cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var table = new Table().Border(TableBorder.Simple).AddColumns("Key id", "User", "Groups", "Created", "Expires", "Last used", "Status");
            foreach (var k in keys)
            {
                var status = k.RevokedAt is not null ? "revoked" : k.IsActive(now) ? "active" : "expired";
                table.AddRow(k.KeyId, Markup.Escape(k.UserId), Markup.Escape(string.Join(",", k.Groups)), When(k.CreatedAt, ""), When(k.ExpiresAt, "never"), When(k.LastUsedAt, "never"), status);
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{keys.Count} keys");
            return 0;
        }));
        return command;
    }

    private static Command Revoke(CommandRunner run, Option<string?> store)
    {
        var keyId = new Argument<string>("keyid") { Description = "The key's id, as 'tandem keys list' shows it" };
        var command = new Command("revoke", "Revoke a key: it stops working at once") { keyId };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var id = parse.GetValue(keyId)!;
            if (!await Store(context, parse, store).RevokeAsync(id, cancellationToken))
            {
                throw new TandemException($"no key with id '{id}'", "see 'tandem keys list'");
            }

            await context.Output.WriteLineAsync($"revoked {id}");
            return 0;
        }));
        return command;
    }

    private static IApiKeyStore Store(CliContext context, ParseResult parse, Option<string?> store) =>
        parse.GetValue(store) is { } connectionString ? PostgresKeys(connectionString) : context.Get<IApiKeyStore>();

    /// <summary>The key store of a server on PostgreSQL, registered as that server registers it; not inlined, so Npgsql loads only then.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IApiKeyStore PostgresKeys(string connectionString) =>
        new ServiceCollection().AddTandem(TandemSettings.Load()).UsePostgres(connectionString).Services.BuildServiceProvider().GetRequiredService<IApiKeyStore>();

    private static string When(DateTimeOffset? at, string none) =>
        at is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : none;
}
