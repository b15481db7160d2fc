using VisionEHalsa.ServiceDefaults.Audit;
using Yarp.ReverseProxy.Configuration;

namespace VisionEHalsa.Gateway.Routing;

public static class GatewayRouting
{
    /// <summary>
    /// Routes and clusters come from the <c>ReverseProxy</c> section of appsettings.json; each cluster's
    /// address can be overridden by <c>Services:{service}</c> (the service's name is its cluster's name).
    /// </summary>
    public static WebApplicationBuilder AddGatewayRouting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddEdgePolicies(options);
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .ConfigureHttpClient((_, handler) => handler.ConnectTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<IProxyConfigFilter>(new ServiceAddressFilter(builder.Configuration.GetSection("Services")));
        builder.Services.AddHealthChecks().AddCheck<ServicesHealthCheck>("services", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });

        // Closed unless origins are configured: without the middleware no response carries an Access-Control header.
        if (app.Services.GetRequiredService<GatewayOptions>().Cors.Origins.Length > 0)
        {
            app.UseCors();
        }

        return app;
    }

    public static WebApplication MapGatewayRouting(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        // The services record the writes they receive; the gateway records only its own.
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(async (context, next) =>
            {
                await next();
                TimedOutForwarding.AnswerAsGatewayTimeout(context);
            });
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        }).WithMetadata(new NotAuditedAttribute());
        return app;
    }
}

/// <summary>
/// A request the gateway's timeout cut off while it was still being forwarded is a 504 the client may repeat (with its
/// Idempotency-Key), whatever stage the forwarding was at: YARP reports a request body cancelled by the timeout as the
/// client's fault (400), which would tell a client not to repeat a request whose outcome it does not know.
/// </summary>
internal static class TimedOutForwarding
{
    public static void AnswerAsGatewayTimeout(HttpContext context)
    {
        if (context.Response.HasStarted || context.Features.Get<Yarp.ReverseProxy.Forwarder.IForwarderErrorFeature>() is null)
        {
            return;
        }

        var timeout = context.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>();
        if (timeout?.RequestTimeoutToken.IsCancellationRequested == true)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
    }
}

/// <summary>Points each cluster at <c>Services:{cluster}</c> when that setting is present.</summary>
internal sealed class ServiceAddressFilter(IConfiguration services) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        var address = services[cluster.ClusterId];
        if (string.IsNullOrWhiteSpace(address))
        {
            return ValueTask.FromResult(cluster);
        }

        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase)
        {
            ["primary"] = new() { Address = address },
        };
        return ValueTask.FromResult(cluster with { Destinations = destinations });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
