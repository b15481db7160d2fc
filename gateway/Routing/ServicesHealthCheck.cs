using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VisionEHalsa.Gateway.Routing;

/// <summary>
/// The gateway's readiness shows each service's. A service that is not ready makes the gateway
/// Degraded, not Unhealthy: the gateway still serves the routes that work.
/// </summary>
internal sealed class ServicesHealthCheck(IConfiguration configuration) : IHealthCheck
{
    // Readiness probes answer fast: no retries, unlike every other HTTP client of the platform.
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(ApiDocuments.Services.Select(async service => (service, ready: await IsReadyAsync(service, cancellationToken))));
        var data = results.ToDictionary(r => r.service, r => (object)(r.ready ? "ready" : "not ready"));
        var down = results.Where(r => !r.ready).Select(r => r.service).ToList();
        return down.Count == 0
            ? HealthCheckResult.Healthy("every service is ready", data)
            : HealthCheckResult.Degraded("not ready: " + string.Join(", ", down), data: data);
    }

    private async Task<bool> IsReadyAsync(string service, CancellationToken ct)
    {
        var address = ServiceAddresses.Of(configuration, service);
        if (address is null)
        {
            return false;
        }

        try
        {
            var response = await Probe.GetAsync(new Uri(address, "/health/ready"), ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
