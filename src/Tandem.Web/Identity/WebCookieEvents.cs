using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Tandem.Access;

namespace Tandem.Web.Identity;

/// <summary>
/// Checks on every request that the key behind the cookie is still active: a key revoked or
/// expired since sign-in signs the browser out at once, as the same key is refused by the API.
/// A provider's sign-in has no key: its cookie (which only the server can issue) lasts its lifetime.
/// </summary>
internal sealed class WebCookieEvents(IApiKeyStore keys, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (WebIdentity.IsProviderSignIn(context.Properties))
        {
            return;
        }

        var keyId = context.Properties.Items.TryGetValue(WebIdentity.KeyIdItem, out var id) ? id : null;
        // Keys are few (one per person or service), so reading them all is cheap; the list carries no secrets.
        var key = keyId is null ? null : (await keys.ListAsync(context.HttpContext.RequestAborted)).FirstOrDefault(k => k.KeyId == keyId);
        if (key is null || !key.IsActive(time.GetUtcNow()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebIdentity.Scheme);
        }
    }
}
