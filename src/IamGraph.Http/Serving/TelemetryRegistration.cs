using System.Diagnostics.Metrics;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IamGraph.Http.Serving;

/// <summary>OpenTelemetry switches, bound from the `Telemetry` section. Both off by default: then nothing listens.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Serve Prometheus's text format at /metrics.</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// Export traces and metrics over OTLP to this endpoint (e.g. http://collector:4317). The standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT environment variable turns it on too.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    public bool Otlp => !string.IsNullOrEmpty(OtlpEndpoint) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

    public bool Enabled => Prometheus || Otlp;
}

/// <summary>Wires OpenTelemetry only when an exporter is configured: traces (HTTP, GraphQL operations) and metrics.</summary>
public static class TelemetryRegistration
{
    /// <summary>Meters the metrics pipeline reads: ours, ASP.NET Core's request and rate-limiting meters.</summary>
    public static readonly string[] Meters =
    [
        GraphQLTelemetry.SourceName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
    ];

    public static IServiceCollection AddIamGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(telemetry);
        services.AddSingleton(telemetry);
        if (!telemetry.Enabled)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("iamgraph"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(GraphQLTelemetry.SourceName).AddAspNetCoreInstrumentation(o => o.Filter = IsNotProbe);
                if (telemetry.Otlp)
                {
                    tracing.AddOtlpExporter(o => SetEndpoint(o, telemetry));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (telemetry.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (telemetry.Otlp)
                {
                    metrics.AddOtlpExporter(o => SetEndpoint(o, telemetry));
                }
            });
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics.AddView(OnlyThisHost(provider.GetRequiredService<IMeterFactory>())));
        return services;
    }

    /// <summary>Maps /metrics when Prometheus is on.</summary>
    public static WebApplication MapIamGraphMetrics(this WebApplication app, TelemetryOptions telemetry)
    {
        if (telemetry.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }

    // OpenTelemetry subscribes to meters by name across the whole process; a second host in it (tests, or an app hosting
    // two) would add its counts to ours. Meters made by another host's factory are dropped; unscoped meters stay.
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory ours) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, ours) ? MetricStreamConfiguration.Drop : null;

    private static bool IsNotProbe(Microsoft.AspNetCore.Http.HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz") && !context.Request.Path.StartsWithSegments("/metrics");

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, TelemetryOptions telemetry)
    {
        if (!string.IsNullOrEmpty(telemetry.OtlpEndpoint))
        {
            options.Endpoint = new Uri(telemetry.OtlpEndpoint);
        }
    }
}
