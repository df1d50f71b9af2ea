using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Tandem.Access;

namespace Tandem.Web.Identity;

/// <summary>
/// The web app's sign-in: an API key, verified by the key store, or the firm's OpenID Connect
/// provider's id token, verified by the server, becomes an HttpOnly, SameSite=Strict cookie
/// holding the caller's principal (never the key). A key's cookie lives no longer than the key,
/// and every request checks the key is still active (<see cref="WebCookieEvents"/>).
/// </summary>
public static class WebIdentity
{
    /// <summary>The cookie scheme's name.</summary>
    public const string Scheme = "TandemWeb";

    /// <summary>The authorization policy of every page but sign-in: a caller signed in with the cookie.</summary>
    public const string Policy = "tandem-web";

    /// <summary>The cookie's name.</summary>
    public const string CookieName = "tandem_web";

    /// <summary>How long a sign-in lasts at most (less when the key expires sooner).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>The OpenID Connect provider's scheme, registered by the server when one is configured.</summary>
    public const string ProviderScheme = "TandemOidc";

    /// <summary>The authentication property holding the id (not the secret) of the key that signed in.</summary>
    internal const string KeyIdItem = "tandem.key";

    /// <summary>The authentication property marking a sign-in through the provider (it has no key to check).</summary>
    internal const string ProviderItem = "tandem.provider";

    /// <summary>Signs <paramref name="key"/>'s principal in with a cookie that expires with the key, or after <see cref="Lifetime"/>.</summary>
    public static Task SignInAsync(HttpContext http, IWebBackend backend, ApiKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(key);
        var properties = new AuthenticationProperties();
        Prepare(properties, now, key.ExpiresAt);
        properties.Items[KeyIdItem] = key.KeyId;
        return http.SignInAsync(Scheme, new(backend.IdentityOf(key, Scheme)), properties);
    }

    /// <summary>Makes a provider's sign-in properties those of this cookie: a session cookie that ends after <see cref="Lifetime"/>, marked as the provider's.</summary>
    public static void PrepareProviderSignIn(AuthenticationProperties properties, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Prepare(properties, now, null);
        properties.Items[ProviderItem] = "true";
    }

    /// <summary>Whether the cookie of <paramref name="properties"/> came from the provider (so signing out also ends the provider's session).</summary>
    public static bool IsProviderSignIn(AuthenticationProperties? properties) => properties?.Items.ContainsKey(ProviderItem) == true;

    private static void Prepare(AuthenticationProperties properties, DateTimeOffset now, DateTimeOffset? credentialExpires)
    {
        var expires = now + Lifetime;
        if (credentialExpires is { } ends && ends < expires)
        {
            expires = ends;
        }

        properties.IsPersistent = false;
        properties.AllowRefresh = false;
        properties.IssuedUtc = now;
        properties.ExpiresUtc = expires;
    }

    /// <summary>The cookie's settings: HttpOnly, SameSite=Strict, Secure over https, scoped to /app, not sliding.</summary>
    internal static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = WebPaths.Root;
        options.LoginPath = WebPaths.SignIn;
        options.LogoutPath = WebPaths.SignOut;
        options.AccessDeniedPath = WebPaths.SignIn;
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = false;
        options.EventsType = typeof(WebCookieEvents);
    }
}
