namespace Tandem.Store;

/// <summary>
/// The web app's ASP.NET Core Data Protection key ring, kept in the store every node of a
/// deployment shares, so a sign-in cookie or an antiforgery token one node issued is read by any
/// other. Elements are XML documents as Data Protection writes them (keys and revocations), kept
/// by their name and never changed.
/// </summary>
public interface IProtectionKeyStore
{
    /// <summary>Every element stored, in the order they were stored.</summary>
    Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores an element under <paramref name="name"/>; storing a name again keeps the first.</summary>
    Task StoreAsync(string name, string xml, CancellationToken cancellationToken = default);
}
