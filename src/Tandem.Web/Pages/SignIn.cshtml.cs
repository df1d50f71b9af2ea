using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Web.Identity;

namespace Tandem.Web.Pages;

/// <summary>
/// Sign-in with an API key (verified by the key store, then kept as the key's principal in a
/// cookie) or, when the server configured one, through the firm's OpenID Connect provider.
/// </summary>
public sealed class SignInModel(IApiKeyStore keys, IWebBackend backend, TimeProvider time, IOptions<WebSignInOptions> options) : PageModel
{
    /// <summary>Where to go once signed in: a page of the web app, never another site.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the provider's sign-in that came back here was refused.</summary>
    [BindProperty(SupportsGet = true)]
    public WebSignInFailure? Failed { get; set; }

    public string? Error { get; private set; }

    /// <summary>The provider's name on its button; null when none is configured.</summary>
    public string? ProviderName => options.Value.ProviderDisplayName;

    public void OnGet()
    {
        if (Failed is { } failed)
        {
            Error = failed == WebSignInFailure.NoUser
                ? $"{ProviderName} signed you in but named no user Tandem can use; ask an administrator to check Tandem:Auth:Oidc:UserClaim"
                : $"the sign-in with {ProviderName} did not complete (cancelled, or its answer was not valid); try again, or paste an API key";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        // The same check as the API's: unknown, malformed, expired and revoked keys fail alike.
        if (string.IsNullOrWhiteSpace(key) || await keys.VerifyAsync(key.Trim(), cancellationToken) is not { } verified)
        {
            Error = "that key was not accepted (unknown, expired or revoked); paste a key from `tandem keys create`";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await WebIdentity.SignInAsync(HttpContext, backend, verified, time.GetUtcNow());
        return LocalRedirect(WebPaths.LocalOrRoot(ReturnUrl));
    }

    /// <summary>Sends the browser to the provider; it comes back through <see cref="WebPaths.SignedIn"/> to <see cref="ReturnUrl"/>.</summary>
    public IActionResult OnPostProvider() =>
        ProviderName is null
            ? NotFound()
            : Challenge(new AuthenticationProperties { RedirectUri = WebPaths.SignedIn(WebPaths.LocalOrRoot(ReturnUrl)) }, WebIdentity.ProviderScheme);
}
