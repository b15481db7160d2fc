using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VisionEHalsa.ServiceDefaults.Audit;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.ServiceDefaults.Http;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Operations;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.AspNetCore.Hosting;

namespace VisionEHalsa.ServiceDefaults;

public static class PlatformServiceDefaults
{
    /// <summary>Request bodies larger than this get 413 unless an endpoint says otherwise.</summary>
    public const long DefaultMaxRequestBodyBytes = 256 * 1024;

    /// <summary>Telemetry, problem details, token validation, HTTP resilience and health: what every process has.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = DefaultMaxRequestBodyBytes);
        builder.Services.AddPlatformTelemetry(builder.Logging, builder.Configuration, serviceName);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Malformed bodies reach the exception handler, which names the fault, in every environment.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddPlatformAuthentication(builder.Configuration);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        return builder;
    }

    /// <summary>The service's own database (LiteDB embedded, MongoDB when configured), checked by readiness, and its audit log.</summary>
    public static WebApplicationBuilder AddDocumentStore(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddDocumentStore(builder.Configuration, serviceName);
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        builder.Services.AddSingleton(provider => new AuditLog(serviceName, provider.GetRequiredService<IDocumentStore>()));
        builder.Services.AddOptions<AuditOptions>();
        return builder;
    }

    /// <summary>MassTransit on RabbitMQ with this service's consumers; the bus is part of readiness.</summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        builder.Services.AddPlatformMessaging(builder.Configuration, serviceName, consumers);
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // Between the two: the caller is known, and a refusal by authorization is recorded too.
        var audited = app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(AuditLog));
        if (audited)
        {
            app.UseMiddleware<AuditMiddleware>();
        }

        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapOperations();
        if (audited && app.Services.GetRequiredService<IOptions<AuditOptions>>().Value.MapListEndpoint)
        {
            app.MapAuditLog();
        }

        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description, e.Value.Data }),
        });
    }
}

internal sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Kind);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{store.Kind} unreachable: {e.GetType().Name}");
        }
    }
}
