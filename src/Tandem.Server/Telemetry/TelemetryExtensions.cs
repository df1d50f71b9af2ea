using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tandem.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server: traces and metrics of ASP.NET Core, outgoing HTTP (model
/// providers) and Tandem's own source (<see cref="TandemTelemetry"/>: model calls with token
/// counts, retrieval and review timings). Exported by OTLP when an endpoint is configured
/// (<c>Tandem:Telemetry:OtlpEndpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>);
/// otherwise collected in process for whoever listens (tests, dotnet-counters).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The configuration key of the OTLP endpoint.</summary>
    public const string OtlpEndpointKey = "Tandem:Telemetry:OtlpEndpoint";

    /// <summary>Registers tracing and metrics, and the OTLP exporter when an endpoint is configured.</summary>
    public static WebApplicationBuilder AddTandemTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = builder.Configuration[OtlpEndpointKey] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new TandemException($"invalid OTLP endpoint '{endpoint}'", $"set {OtlpEndpointKey} to a URL such as http://127.0.0.1:4317");
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tandem-server", serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(TandemTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(TandemTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (endpoint is not null)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        return builder;
    }
}
