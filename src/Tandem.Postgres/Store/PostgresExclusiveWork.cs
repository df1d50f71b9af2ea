using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Tandem.Store;

namespace Tandem.Postgres.Store;

/// <summary>
/// <see cref="IExclusiveWork"/> across the nodes of one PostgreSQL database: a session advisory lock
/// (<c>pg_try_advisory_lock</c>) held on a connection of its own for as long as the work runs. A
/// node that dies mid-work drops its connection, and with it the lock, so another node takes over.
/// </summary>
public sealed class PostgresExclusiveWork(PostgresDatabase database) : IExclusiveWork
{
    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryEnterAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("tandem-work:" + name)), 0);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = Sql.Command(connection, null, "SELECT pg_try_advisory_lock(@key)", ("key", key));
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = Sql.Command(connection, null, "SELECT pg_advisory_unlock(@key)", ("key", key));
                await command.ExecuteScalarAsync();
            }
            finally
            {
                // Back to the pool; a session lock still held would be released by the pool's reset (DISCARD ALL) anyway.
                await connection.DisposeAsync();
            }
        }
    }
}
