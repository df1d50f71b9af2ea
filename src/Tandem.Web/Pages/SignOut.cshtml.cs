using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tandem.Web.Identity;

namespace Tandem.Web.Pages;

/// <summary>Sign-out: a POST (with its antiforgery token), so no link elsewhere can sign a user out.</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebIdentity.Scheme);
        return Redirect(WebPaths.SignIn);
    }
}
