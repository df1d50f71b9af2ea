using Tandem.Access;
using Tandem.Economics;

namespace Tandem.Postgres.Economics;

/// <summary>The per-caller usage ledgers of Tandem's PostgreSQL database.</summary>
public sealed class PostgresUsageLedgers(PostgresDatabase database, IAccessPolicy policy) : IUsageLedgers
{
    /// <inheritdoc />
    public IUsageLedger For(Principal caller) => new PostgresUsageLedger(database, caller, policy);
}
