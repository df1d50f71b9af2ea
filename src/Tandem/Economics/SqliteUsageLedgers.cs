using Tandem.Access;

namespace Tandem.Economics;

/// <summary>The per-caller usage ledgers of one SQLite store.</summary>
public sealed class SqliteUsageLedgers(string databasePath, IAccessPolicy policy) : IUsageLedgers
{
    /// <inheritdoc />
    public IUsageLedger For(Principal caller) => new SqliteUsageLedger(databasePath, caller, policy);
}
