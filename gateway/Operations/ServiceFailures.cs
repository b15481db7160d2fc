using System.Net.Http.Headers;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.ServiceDefaults.Operations;

namespace VisionEHalsa.Gateway.Operations;

/// <summary>Asks one service for its failed messages, with the caller's own token.</summary>
public sealed class ServiceFailures(IConfiguration configuration, ILogger<ServiceFailures> logger)
{
    // An overview answers fast: a service that is down is reported as unavailable, not retried as the
    // platform's other HTTP clients are (their resilience handler would multiply the wait).
    private static readonly HttpClient Http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The service's failures, each named by the service as the gateway routes to it; null when it did not answer.</summary>
    public async Task<(string Service, IReadOnlyList<FailedMessageSummary>? Failures)> ListAsync(
        string service, string? status, AuthenticationHeaderValue? caller, CancellationToken ct)
    {
        var address = ServiceAddresses.Of(configuration, service);
        if (address is null)
        {
            return (service, null);
        }

        var path = "/api/v1/ops/failures" + (status is null ? string.Empty : "?status=" + Uri.EscapeDataString(status));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, path));
        request.Headers.Authorization = caller;
        try
        {
            using var response = await Http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("{Service} answered {Status} for its failed messages", service, (int)response.StatusCode);
                return (service, null);
            }

            var failures = await response.Content.ReadFromJsonAsync<List<FailedMessageSummary>>(ct) ?? [];
            return (service, failures.Select(f => f with { Service = service }).ToList());
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException) && !ct.IsCancellationRequested)
        {
            logger.LogWarning("{Service} did not list its failed messages: {Error}", service, e.Message);
            return (service, null);
        }
    }
}
