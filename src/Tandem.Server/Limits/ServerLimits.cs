using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Tandem.Server.Identity;

namespace Tandem.Server.Limits;

/// <summary>
/// What one caller may cost the server: a request rate per API key (per user for a JWT, per
/// address before authentication), a request size, and no cross-origin access unless origins are
/// configured. Every refusal is a ProblemDetails body.
/// </summary>
public static class ServerLimits
{
    /// <summary>Requests per minute per key (default 600).</summary>
    public const string PermitsPerMinuteKey = "Tandem:Server:RateLimit:PermitsPerMinute";

    /// <summary>The largest request body in megabytes, multipart uploads included (default 100).</summary>
    public const string MaxRequestMegabytesKey = "Tandem:Server:MaxRequestMB";

    /// <summary>Origins allowed to call from a browser (comma-separated or an array); unset: no CORS at all.</summary>
    public const string CorsOriginsKey = "Tandem:Server:Cors:Origins";

    /// <summary>Registers the rate limiter, the body size limits and, when origins are configured, CORS.</summary>
    public static WebApplicationBuilder AddTandemLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var permits = Positive(configuration, PermitsPerMinuteKey, 600);
        var maxBytes = (long)(Positive(configuration, MaxRequestMegabytesKey, 100) * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBytes);
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = maxBytes);
        builder.Services.AddSingleton(new RequestSizeLimit(maxBytes));
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(Partition(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = (int)permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                await WriteProblemAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"more than {permits} requests a minute with this key; retry after {seconds} s");
            };
        });
        if (CorsOrigins(configuration) is { Length: > 0 } origins)
        {
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()));
        }

        return builder;
    }

    /// <summary>
    /// Adds the middleware in its order: CORS (only when configured), the size check, authentication,
    /// the rate limiter (after authentication, so it knows the key), authorization.
    /// </summary>
    public static WebApplication UseTandemLimitsAndIdentity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (CorsOrigins(app.Configuration) is { Length: > 0 })
        {
            app.UseCors();
        }

        var limit = app.Services.GetRequiredService<RequestSizeLimit>();
        app.Use(async (context, next) =>
        {
            // Kestrel enforces the limit on the bytes it reads; a declared length over it is refused before any are.
            if (context.Request.ContentLength > limit.Bytes)
            {
                await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit.Bytes));
                return;
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The detail of a 413 answer.</summary>
    public static string TooLarge(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"the request is larger than the server's limit of {bytes / (1024.0 * 1024):0.##} MB; send fewer or smaller files ({MaxRequestMegabytesKey} sets the limit)");

    /// <summary>Writes a ProblemDetails answer (RFC 9457) with the given status and detail.</summary>
    public static async Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = status, Detail = detail } });
    }

    private static string Partition(HttpContext context)
    {
        var user = context.User;
        if (user.FindFirst(CallerPrincipal.KeyIdClaim)?.Value is { } key)
        {
            return "key:" + key;
        }

        return user.Identity?.IsAuthenticated == true
            ? "user:" + CallerPrincipal.FromClaims(user).UserId
            : "address:" + (context.Connection.RemoteIpAddress ?? IPAddress.None);
    }

    private static string[] CorsOrigins(IConfiguration configuration)
    {
        var section = configuration.GetSection(CorsOriginsKey);
        var values = section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value ?? string.Empty) : (section.Value ?? string.Empty).Split(',');
        return values.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
    }

    private static double Positive(IConfiguration configuration, string key, double fallback)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= int.MaxValue
            ? value
            : throw new TandemException($"invalid {key} '{text}'", "give a positive number");
    }
}
