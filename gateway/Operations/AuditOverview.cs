using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.ServiceDefaults.Audit;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Operations;

/// <summary>Every process's audit log in one list, the gateway's own included; a service that does not answer is named, not fatal.</summary>
public sealed record AuditOverview(IReadOnlyList<AuditEntry> Entries, IReadOnlyList<string> Unavailable);

public static class AuditOverviewEndpoint
{
    public static WebApplicationBuilder AddAuditOverview(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceAudit>();
        return builder;
    }

    public static WebApplication MapAuditOverview(this WebApplication app)
    {
        app.MapGet(AuditEndpoints.Path, ListAsync)
            .RequireAuthorization(PlatformPolicies.Kansli)
            .RequireRateLimiting(EdgePolicies.ClientRateLimit)
            .WithName("ListAuditEntriesOfEveryService")
            .WithSummary("The writes every service and the gateway received, newest first (at most limit): client, organisations, method, route, resource, time, trace id and status.")
            .WithTags("Audit")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestTimeout(EdgePolicies.DefaultTimeout);
        return app;
    }

    /// <param name="clientId">Only the writes of this client.</param>
    /// <param name="limit">At most this many entries (1-1000, default 100).</param>
    public static async Task<Results<Ok<AuditOverview>, ProblemHttpResult>> ListAsync(
        string? clientId, int? limit, HttpRequest request, AuditLog own, ServiceAudit services, CancellationToken ct)
    {
        if (AuditEndpoints.Invalid(limit) is { } problem)
        {
            return problem;
        }

        var take = limit ?? AuditLog.DefaultLimit;
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var caller);
        var answers = await Task.WhenAll(ApiDocuments.Services.Select(service => services.ListAsync(service, clientId, take, caller, ct)));
        var entries = (await own.ListAsync(clientId, take, ct))
            .Concat(answers.Where(a => a.Entries is not null).SelectMany(a => a.Entries!))
            .OrderByDescending(e => e.At)
            .ThenBy(e => e.Service, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        var unavailable = answers.Where(a => a.Entries is null).Select(a => a.Service).ToList();
        return TypedResults.Ok(new AuditOverview(entries, unavailable));
    }
}

/// <summary>Asks one service for its audit log, with the caller's own token.</summary>
public sealed class ServiceAudit(IConfiguration configuration, ILogger<ServiceAudit> logger)
{
    // An overview answers fast: a service that is down is reported as unavailable, not retried.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async Task<(string Service, IReadOnlyList<AuditEntry>? Entries)> ListAsync(
        string service, string? clientId, int limit, AuthenticationHeaderValue? caller, CancellationToken ct)
    {
        if (ServiceAddresses.Of(configuration, service) is not { } address)
        {
            return (service, null);
        }

        var query = $"?limit={limit}" + (clientId is null ? string.Empty : "&clientId=" + Uri.EscapeDataString(clientId));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, AuditEndpoints.Path + query));
        request.Headers.Authorization = caller;
        try
        {
            using var response = await Http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("{Service} answered {Status} for its audit log", service, (int)response.StatusCode);
                return (service, null);
            }

            return (service, await response.Content.ReadFromJsonAsync<List<AuditEntry>>(ct) ?? []);
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException) && !ct.IsCancellationRequested)
        {
            logger.LogWarning("{Service} did not list its audit log: {Error}", service, e.Message);
            return (service, null);
        }
    }
}
