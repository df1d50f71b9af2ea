using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Store;
using Tandem.Web.Identity;

namespace Tandem.Web;

/// <summary>The web app's wiring: Razor Pages under <see cref="WebPaths.Root"/>, signed in with a cookie from an API key.</summary>
public static class WebExtensions
{
    /// <summary>The Data Protection application name every node shares (keys are isolated per application name).</summary>
    public const string DataProtectionApplication = "Tandem";

    /// <summary>Registers the pages, the sign-in cookie and its policy, with <typeparamref name="TBackend"/> as the server's half.</summary>
    public static IServiceCollection AddTandemWeb<TBackend>(this IServiceCollection services)
        where TBackend : class, IWebBackend
    {
        services.AddScoped<IWebBackend, TBackend>();
        // At Trace, Razor Pages logs every handler's arguments: a pasted key, a quote, a search. Nothing below Debug for it.
        services.AddLogging(b => b.AddFilter("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker", LogLevel.Debug));
        // The cookie and antiforgery tokens are protected with keys every node reads from the shared store. The application
        // name is fixed because its default is the content root, which differs between nodes installed in different folders.
        services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        services.AddOptions<KeyManagementOptions>().Configure<IProtectionKeyStore>((o, keys) => o.XmlRepository = new StoreXmlRepository(keys));
        services.AddScoped<WebCookieEvents>();
        services.AddOptions<WebSignInOptions>();
        services.AddAuthentication().AddCookie(WebIdentity.Scheme, WebIdentity.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(WebIdentity.Policy, new AuthorizationPolicyBuilder(WebIdentity.Scheme).RequireAuthenticatedUser().Build());
        var assembly = typeof(WebExtensions).Assembly;
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/", WebIdentity.Policy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/SignedIn");
                o.Conventions.AddPageRoute("/Index", "app/reviews/new");
            })
            // `tandem serve` runs from the CLI's assembly, whose dependency list MVC may not search for pages.
            .ConfigureApplicationPartManager(m =>
            {
                if (m.ApplicationParts.All(p => p.Name != assembly.GetName().Name))
                {
                    m.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
                    m.ApplicationParts.Add(new AssemblyPart(assembly));
                }
            });
        return services;
    }

    /// <summary>Maps the pages and their static files.</summary>
    public static IEndpointRouteBuilder MapTandemWeb(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        WebAssets.Map(routes);
        routes.MapRazorPages();
        return routes;
    }
}
