using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Tandem.Server.Tests;

/// <summary>Requests are traced by OpenTelemetry, with routes and no credentials.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Request_Traced_WithRouteAndWithoutTheKey()
    {
        var spans = new List<Activity>();
        await using var factory = new ServerFactory(services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        using var client = await factory.ClientForAsync("alice");
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;

        using var response = await client.GetAsync("/api/documents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200); // the span ends after the response is written

        // Other tests' servers run in this process too and their spans reach this exporter as well.
        Assert.Contains(spans.ToList(), s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/documents"
            && (s.GetTagItem("http.route") as string)?.StartsWith("/api/documents", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(spans.ToList().SelectMany(s => s.Tags), t => t.Value?.Contains(key, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Startup_InvalidOtlpEndpoint_OneLineError()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Tandem:Telemetry:OtlpEndpoint"] = "not a url" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("invalid OTLP endpoint 'not a url'", (error as TandemException ?? error.InnerException as TandemException ?? error).Message, StringComparison.Ordinal);
    }
}
