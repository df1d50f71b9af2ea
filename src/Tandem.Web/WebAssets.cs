using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Tandem.Web;

/// <summary>
/// Serves the web app's static files (wwwroot, embedded in the assembly as "Tandem.Web.wwwroot/&lt;path&gt;")
/// at <see cref="WebPaths.Assets"/>, open without sign-in: they hold no data, and the sign-in page needs them.
/// </summary>
internal static class WebAssets
{
    private const string Prefix = "Tandem.Web.wwwroot/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly HashSet<string> Names = [.. typeof(WebAssets).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))];

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(WebPaths.Assets + "/{**path}", (string path, HttpResponse response) =>
        {
            // Only the embedded names answer, so no path reaches the file system.
            if (!Names.Contains(Prefix + path) || !ContentTypes.TryGetContentType(path, out var type))
            {
                return Results.NotFound();
            }

            response.Headers.CacheControl = "no-cache";
            return Results.Stream(typeof(WebAssets).Assembly.GetManifestResourceStream(Prefix + path)!, type);
        }).AllowAnonymous().ExcludeFromDescription();
}
