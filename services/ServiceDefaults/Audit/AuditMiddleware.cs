using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.ServiceDefaults.Audit;

/// <summary>
/// Records every write (any method but GET, HEAD and OPTIONS) that reaches an endpoint with an authenticated caller,
/// with the status it ended in, refusals (403, 413, 429) included. Runs after authentication and before authorization.
/// </summary>
/// <remarks>Requests without a valid token are not recorded: they never act, and recording them would let anyone fill the log.</remarks>
public sealed class AuditMiddleware(RequestDelegate next, AuditLog log, ILogger<AuditMiddleware> logger)
{
    // The log is written after the response, even when the caller has gone, but never holds the request for long.
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) ||
            context.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<NotAuditedAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await RecordAsync(context, endpoint, status);
            }
        }
    }

    private async Task RecordAsync(HttpContext context, RouteEndpoint endpoint, int status)
    {
        var user = context.User;
        var entry = new AuditEntry(
            Guid.NewGuid().ToString("N"),
            log.Service,
            DateTimeOffset.UtcNow,
            user.ClientId(),
            user.FindFirst(PlatformClaims.Role)?.Value,
            user.Organisations(),
            context.Request.Method,
            "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/'),
            ResourceId(context, endpoint),
            status,
            Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        try
        {
            using var timeout = new CancellationTokenSource(StoreTimeout);
            await log.AppendAsync(entry, timeout.Token);
        }
        catch (Exception e)
        {
            // The write itself is done; losing its audit entry is logged loudly rather than turned into a failed request.
            logger.LogError(e, "Audit entry of {Method} {Route} by {Client} ({Status}) could not be stored", entry.Method, entry.Route, entry.ClientId, status);
        }
    }

    private static string? ResourceId(HttpContext context, RouteEndpoint endpoint)
    {
        var values = endpoint.RoutePattern.Parameters
            .Select(p => context.Request.RouteValues.TryGetValue(p.Name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null)
            .Where(v => !string.IsNullOrEmpty(v))
            .ToList();
        if (values.Count > 0)
        {
            return string.Join('/', values);
        }

        return context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
    }
}
