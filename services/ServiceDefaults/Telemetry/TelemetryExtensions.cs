using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VisionEHalsa.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces, metrics and logs under the service's name. OTLP export when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; Prometheus scraping at <c>/metrics</c> always.
    /// </summary>
    public static IServiceCollection AddPlatformTelemetry(
        this IServiceCollection services, ILoggingBuilder logging, IConfiguration configuration, string serviceName)
    {
        logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });

        // One structured JSON line per event on the console too, carrying the trace and span it belongs to.
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(PlatformTelemetry.Name)
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsInfrastructure(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(PlatformTelemetry.Name)
                .AddMeter(InstrumentationOptions.MeterName)
                // The runtime's own meter: heap size, GC count and pauses, working set, thread pool, for the soak and operators.
                .AddMeter("System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return services;
    }

    private static bool IsInfrastructure(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
