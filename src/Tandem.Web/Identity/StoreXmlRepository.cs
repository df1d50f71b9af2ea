using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Tandem.Store;

namespace Tandem.Web.Identity;

/// <summary>
/// ASP.NET Core Data Protection's key ring in the store every node shares (the SQLite file, or the
/// PostgreSQL database of a multi-node deployment) instead of a folder on one machine, so the sign-in
/// cookie and antiforgery tokens one node issues are read by every other. Data Protection calls this
/// synchronously and rarely (at start, when it makes a key, and on a key it has not seen), so the
/// store's async calls are waited on here.
/// </summary>
internal sealed class StoreXmlRepository(IProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ReadAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
