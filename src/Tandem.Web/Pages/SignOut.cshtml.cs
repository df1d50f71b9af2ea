using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tandem.Web.Identity;

namespace Tandem.Web.Pages;

/// <summary>
/// Sign-out: a POST (with its antiforgery token), so no link elsewhere can sign a user out. It
/// clears the cookie and, for a sign-in through the provider, ends the provider's session too
/// when the provider offers that.
/// </summary>
public sealed class SignOutModel(IOptions<WebSignInOptions> options) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var signedIn = await HttpContext.AuthenticateAsync(WebIdentity.Scheme);
        if (options.Value.ProviderDisplayName is not null && WebIdentity.IsProviderSignIn(signedIn.Properties))
        {
            // The provider first: it reads the id token (its logout hint) from the cookie before the cookie goes.
            return SignOut(new AuthenticationProperties { RedirectUri = WebPaths.SignIn }, WebIdentity.ProviderScheme, WebIdentity.Scheme);
        }

        await HttpContext.SignOutAsync(WebIdentity.Scheme);
        return Redirect(WebPaths.SignIn);
    }
}
