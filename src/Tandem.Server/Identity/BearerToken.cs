using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tandem.Server.Identity;

/// <summary>The credential of a request: the token of its <c>Authorization: Bearer</c> header, which is what OpenAI clients send.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The bearer token, or null when the request has none.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length
            ? header[Scheme.Length..].Trim()
            : null;
    }

    /// <summary>Whether a token has a JWT's shape (three dot-separated parts), as no API key does.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2 && !Access.ApiKeyToken.LooksLikeKey(token);
}
