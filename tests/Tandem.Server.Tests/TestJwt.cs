using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Server.Tests;

/// <summary>A firm's identity provider as the tests play it: its settings, its signing key given to the server, and the tokens it issues.</summary>
internal static class TestJwt
{
    public const string Issuer = "https://login.example.test/";
    public const string Audience = "tandem-api";

    /// <summary>The server's JWT settings (groups in the "roles" claim).</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Tandem:Auth:Jwt:Authority"] = Issuer,
        ["Tandem:Auth:Jwt:Audience"] = Audience,
        ["Tandem:Auth:Jwt:GroupsClaim"] = "roles",
    };

    /// <summary>Gives the server the provider's metadata and <paramref name="key"/> instead of fetching them: no network in tests.</summary>
    public static void Trust(IServiceCollection services, SecurityKey key) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(key);
            o.Configuration = configuration;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    public static SymmetricSecurityKey SigningKey() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A token for <paramref name="user"/> in <paramref name="roles"/>, valid for ten minutes, signed with <paramref name="key"/>.</summary>
    public static string Token(SecurityKey key, string audience, string user, params string[] roles)
    {
        var claims = new Dictionary<string, object> { ["sub"] = user, ["roles"] = roles };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
