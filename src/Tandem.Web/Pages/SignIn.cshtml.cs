using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Access;
using Tandem.Web.Identity;

namespace Tandem.Web.Pages;

/// <summary>Sign-in with an API key: verified by the key store, then kept as the key's principal in a cookie.</summary>
public sealed class SignInModel(IApiKeyStore keys, IWebBackend backend, TimeProvider time) : PageModel
{
    /// <summary>Where to go once signed in: a page of the web app, never another site.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
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
        return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(WebPaths.Root, StringComparison.Ordinal) ? url : WebPaths.Root);
    }
}
