using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Routing;

/// <summary>Settings bound from the <c>Gateway</c> section.</summary>
public sealed class GatewayOptions
{
    /// <summary>Requests per second one client may send before it gets 429.</summary>
    public int PermitsPerSecond { get; set; } = 2000;

    public int TokenRequestsPerMinute { get; set; } = 120;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Browser origins allowed to call the API; none unless configured (<c>Gateway:Cors:Origins</c>).</summary>
    public CorsSettings Cors { get; set; } = new();
}

public sealed class CorsSettings
{
    public string[] Origins { get; set; } = [];
}

/// <summary>The policies a gateway route may name. A route naming anything else fails the gateway's tests.</summary>
public static class EdgePolicies
{
    public const string ClientRateLimit = "per-client";
    public const string TokenRateLimit = "token";
    public const string DefaultTimeout = "default";

    /// <summary>YARP's own name for a route open to everyone: the API documents, and reading reports (the reporting service decides which).</summary>
    public const string Anonymous = "anonymous";

    public static IReadOnlySet<string> Authorization { get; } = new HashSet<string> { Anonymous, PlatformPolicies.Authenticated, PlatformPolicies.Kansli, PlatformPolicies.Operations, PlatformPolicies.Admin };

    public static IReadOnlySet<string> RateLimits { get; } = new HashSet<string> { ClientRateLimit, TokenRateLimit };

    public static IReadOnlySet<string> Timeouts { get; } = new HashSet<string> { DefaultTimeout };

    /// <summary>The body a route takes unless it names a larger one: what every service accepts by default.</summary>
    public const long DefaultMaxRequestBodyBytes = ServiceDefaults.PlatformServiceDefaults.DefaultMaxRequestBodyBytes;

    public static IServiceCollection AddEdgePolicies(this IServiceCollection services, GatewayOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: 429, title: "Too many requests", detail: "This client sent more requests than it may; retry after the time in Retry-After.")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(ClientRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
            limiter.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddRequestTimeouts(t => t.AddPolicy(DefaultTimeout, TimeSpan.FromSeconds(options.TimeoutSeconds)));
        services.AddCors(cors =>
        {
            if (options.Cors.Origins.Length > 0)
            {
                // Bearer tokens, not cookies: no credentials, so an allowed origin still needs a token of its own.
                cors.AddDefaultPolicy(policy => policy.WithOrigins(options.Cors.Origins)
                    .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                    .WithHeaders("Authorization", "Content-Type", "Idempotency-Key")
                    .WithExposedHeaders("Location", "Retry-After")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
            }
        });
        return services;
    }

    // A client is limited by its token's subject; callers without one share their address's budget.
    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(PlatformClaims.Subject)?.Value is { } client
            ? "client:" + client
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
