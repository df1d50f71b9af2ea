using Tandem.Access;

namespace Tandem.Economics;

/// <summary>
/// The usage ledger for a caller: the ledger records each call as the caller's and lists only what
/// the caller may see, so a service gets it per call instead of holding one.
/// </summary>
public interface IUsageLedgers
{
    /// <summary>The ledger as <paramref name="caller"/> sees it.</summary>
    IUsageLedger For(Principal caller);
}
