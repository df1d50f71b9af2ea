using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tandem.Web.Pages;

/// <summary>
/// Where the provider's sign-in lands before the app. The browser arrives here at the end of a
/// redirect chain that began on the provider's site, and on such a navigation it withholds the
/// SameSite=Strict cookie just set; this page's refresh is a navigation from our own site, which
/// carries it.
/// </summary>
public sealed class SignedInModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The page to open: <see cref="ReturnUrl"/> when it is one of the app's.</summary>
    public string Target => WebPaths.LocalOrRoot(ReturnUrl);

    public void OnGet()
    {
    }
}
