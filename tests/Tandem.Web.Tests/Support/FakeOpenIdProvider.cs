using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Web.Tests.Support;

/// <summary>
/// A protocol-faithful OpenID Connect provider on 127.0.0.1 for the sign-in tests: discovery, a
/// JWKS with one RSA key, an authorization endpoint that checks the client, the registered
/// redirect address, state, nonce and an S256 PKCE challenge and lets the user pick who they are
/// (a form, or <c>login_hint</c>), a token endpoint that checks the one-time code, the client's
/// secret and the code verifier against the challenge and answers an RS256 id token, and an
/// end-session endpoint. <see cref="Tampering"/> makes it issue the bad tokens a server must refuse.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "tandem-web";
    public const string ClientSecret = "fake-provider-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-key-1" };
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _users = new(StringComparer.Ordinal);

    public FakeOpenIdProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Keys);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/end-session", EndSession);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Issuer = address.TrimEnd('/');
    }

    /// <summary>The provider's issuer and address, e.g. http://127.0.0.1:41234.</summary>
    public string Issuer { get; }

    /// <summary>The one client's registered redirect and post-logout addresses (the server's, once it listens).</summary>
    public List<string> RedirectUris { get; } = [];

    /// <summary>Whether discovery advertises an end_session_endpoint.</summary>
    public bool AdvertisesEndSession { get; set; } = true;

    /// <summary>What the next id tokens get wrong.</summary>
    public IdTokenTampering Tampering { get; set; }

    /// <summary>The id_token_hint of every end-session request received.</summary>
    public ConcurrentQueue<string?> EndedSessions { get; } = new();

    /// <summary>The server's settings for signing in with this provider, shown as "Firm SSO".</summary>
    public Dictionary<string, string?> ServerSettings() => new()
    {
        ["Tandem:Auth:Oidc:Authority"] = Issuer,
        ["Tandem:Auth:Oidc:ClientId"] = ClientId,
        ["Tandem:Auth:Oidc:ClientSecret"] = ClientSecret,
        ["Tandem:Auth:Oidc:DisplayName"] = "Firm SSO",
    };

    /// <summary>Registers the web app at <paramref name="server"/> as the client's redirect and post-logout address.</summary>
    public void Register(Uri server)
    {
        RedirectUris.Add(new Uri(server, "/app/signin-oidc").ToString());
        RedirectUris.Add(new Uri(server, "/app/signout-callback-oidc").ToString());
    }

    /// <summary>Adds a user the sign-in form offers, with the groups its id tokens carry.</summary>
    public void AddUser(string user, params string[] groups) => _users[user] = groups;

    /// <summary>The subject of an id token this provider issued (for checking a logout hint).</summary>
    public static string? SubjectOf(string idToken) => new JsonWebToken(idToken).TryGetPayloadValue<string>("sub", out var sub) ? sub : null;

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["scopes_supported"] = new[] { "openid", "profile" },
    }.Concat(AdvertisesEndSession ? [new("end_session_endpoint", $"{Issuer}/end-session")] : []).ToDictionary());

    private IResult Keys()
    {
        var rsa = _key.Rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        // An unknown client or redirect address must not be redirected to (RFC 6749 §4.1.2.1): an error page.
        if (q["client_id"] != ClientId || !RedirectUris.Contains(q["redirect_uri"].ToString()))
        {
            return Results.BadRequest("unknown client_id or unregistered redirect_uri");
        }

        var problem = q["response_type"] != "code" ? "unsupported_response_type"
            : !q["scope"].ToString().Split(' ').Contains("openid") ? "invalid_scope"
            : string.IsNullOrEmpty(q["state"]) || string.IsNullOrEmpty(q["nonce"]) ? "invalid_request"
            : string.IsNullOrEmpty(q["code_challenge"]) || q["code_challenge_method"] != "S256" ? "invalid_request"
            : null;
        if (problem is not null)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(q["redirect_uri"]!, new Dictionary<string, string?> { ["error"] = problem, ["state"] = q["state"] }));
        }

        if (q["login_hint"].ToString() is not { Length: > 0 } user || !_users.ContainsKey(user))
        {
            return Results.Content(ChooserPage(q), "text/html; charset=utf-8");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!, user, DateTimeOffset.UtcNow.AddMinutes(1));
        return Results.Redirect(QueryHelpers.AddQueryString(q["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"], ["iss"] = Issuer }));
    }

    /// <summary>The provider's login: one button per user, sending the same request back with its login_hint.</summary>
    private string ChooserPage(IQueryCollection query)
    {
        var page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Fake provider</title></head><body><main><h1>Who are you?</h1><form method=\"get\" action=\"/authorize\">");
        foreach (var (name, value) in query.Where(p => p.Key != "login_hint"))
        {
            page.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value.ToString())}\">");
        }

        foreach (var user in _users.Keys)
        {
            page.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"login_hint\" value=\"{WebUtility.HtmlEncode(user)}\">Continue as {WebUtility.HtmlEncode(user)}</button>");
        }

        return page.Append("</form></main></body></html>").ToString();
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        // A code is good for one attempt, right or wrong, and for a minute.
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending) || pending.Expires < DateTimeOffset.UtcNow
            || form["redirect_uri"] != pending.RedirectUri)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var verified = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (string.IsNullOrEmpty(form["code_verifier"]) || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(verified), Encoding.ASCII.GetBytes(pending.Challenge)))
        {
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Json(new
        {
            access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
            token_type = "Bearer",
            expires_in = 300,
            id_token = IdToken(pending),
        });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme == "Basic" && header.Parameter is { } basic)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic)).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string IdToken(PendingCode pending)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["nonce"] = Tampering == IdTokenTampering.WrongNonce ? "not-the-nonce-sent" : pending.Nonce,
            ["groups"] = _users[pending.User],
            ["auth_time"] = EpochTime.GetIntDate(now),
        };
        if (Tampering != IdTokenTampering.NoUserClaim)
        {
            claims["sub"] = pending.User;
        }

        var expired = Tampering == IdTokenTampering.Expired;
        var signingKey = Tampering == IdTokenTampering.BadSignature ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId } : _key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Tampering == IdTokenTampering.WrongAudience ? "another-client" : ClientId,
            Claims = claims,
            IssuedAt = expired ? now.AddMinutes(-20) : now,
            NotBefore = expired ? now.AddMinutes(-20) : now,
            Expires = expired ? now.AddMinutes(-10) : now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private IResult EndSession(HttpRequest request)
    {
        var back = request.Query["post_logout_redirect_uri"].ToString();
        if (!RedirectUris.Contains(back))
        {
            return Results.BadRequest("unregistered post_logout_redirect_uri");
        }

        EndedSessions.Enqueue(request.Query["id_token_hint"]);
        return Results.Redirect(QueryHelpers.AddQueryString(back, "state", request.Query["state"].ToString()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    private sealed record PendingCode(string RedirectUri, string Nonce, string Challenge, string User, DateTimeOffset Expires);
}
