using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Tandem.Access;

namespace Tandem.Server.Tests;

public sealed class AuthenticationTests
{
    private const string Audience = TestJwt.Audience;

    [Fact]
    public async Task ValidKey_ListsDocuments()
    {
        await using var factory = new ServerFactory();
        using var client = await factory.ClientForAsync("alice");

        using var response = await client.GetAsync("/api/documents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoKey_ExpiredKey_RevokedKey_ForgedKey_AllGetTheSame401ProblemDetails()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        await using var factory = new ServerFactory(services: s => s.AddSingleton<TimeProvider>(clock));
        var expired = await factory.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice", Lifetime = TimeSpan.FromHours(1) });
        var revoked = await factory.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        var valid = await factory.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        await factory.Keys.RevokeAsync(revoked.Key.KeyId);
        clock.Now = clock.Now.AddHours(2);
        var forged = valid.Secret[..^4] + "0000";

        var answers = new List<(HttpStatusCode Status, string Body, string Challenge)>();
        foreach (var token in new string?[] { null, expired.Secret, revoked.Secret, forged, "tdm_nonsense", "not-a-key" })
        {
            using var client = token is null ? factory.CreateClient() : factory.ClientWith(token);
            using var response = await client.GetAsync("/api/documents");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            answers.Add((response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync()), response.Headers.WwwAuthenticate.ToString()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Single(answers.Select(a => a.Challenge).Distinct());
        using var stillValid = factory.ClientWith(valid.Secret);
        Assert.Equal(HttpStatusCode.OK, (await stillValid.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task UserInRequest_IsIgnored_TheKeyDecides()
    {
        await using var factory = new ServerFactory();
        using var client = await factory.ClientForAsync("alice");
        client.DefaultRequestHeaders.Add("X-User", "admin");

        using var response = await client.GetAsync("/api/keys?user=admin&groups=admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Jwt_Valid_AuthenticatesAsItsUserWithItsGroups()
    {
        var key = SigningKey();
        await using var factory = JwtServer(key);
        using var client = factory.ClientWith(Token(key, Audience, "carol", "admin"));

        using var response = await client.GetAsync("/api/keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Jwt_WithoutTheAdminGroup_IsAuthenticatedButNotAdmin()
    {
        var key = SigningKey();
        await using var factory = JwtServer(key);
        using var client = factory.ClientWith(Token(key, Audience, "carol", "legal"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/keys")).StatusCode);
    }

    [Fact]
    public async Task Jwt_WrongAudience_401()
    {
        var key = SigningKey();
        await using var factory = JwtServer(key);
        using var client = factory.ClientWith(Token(key, "someone-else", "carol", "admin"));

        using var response = await client.GetAsync("/api/documents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Jwt_SignedWithAnotherKey_401()
    {
        await using var factory = JwtServer(SigningKey());
        using var client = factory.ClientWith(Token(SigningKey(), Audience, "carol", "admin"));

        using var response = await client.GetAsync("/api/documents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Jwt_NotConfigured_AJwtIsRefused()
    {
        var key = SigningKey();
        await using var factory = new ServerFactory();
        using var client = factory.ClientWith(Token(key, Audience, "carol", "admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/documents")).StatusCode);
    }

    private static ServerFactory JwtServer(SecurityKey key) => new(TestJwt.Settings(), services => TestJwt.Trust(services, key));

    private static SymmetricSecurityKey SigningKey() => TestJwt.SigningKey();

    private static string Token(SecurityKey key, string audience, string user, params string[] roles) => TestJwt.Token(key, audience, user, roles);

    private static string WithoutTraceId(string body)
    {
        using var document = JsonDocument.Parse(body);
        return string.Join(",", document.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.ToString()));
    }

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
