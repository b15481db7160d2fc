using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VisionEHalsa.ServiceDefaults.Auth;

/// <summary>
/// A service's copy of the gateway's list of disabled clients, fetched every few seconds, so a token of a disabled
/// client stops working at the service too, even when it is sent past the gateway.
/// </summary>
/// <remarks>
/// When the gateway does not answer, the last list stays in force (and a warning is logged): tokens are still checked
/// for signature, issuer, audience and lifetime, and while the gateway is down no client can be disabled anyway.
/// </remarks>
public sealed class RevocationList(Uri source, TimeSpan refresh, ILogger<RevocationList> logger) : BackgroundService, IRevokedClients
{
    // A poll answers fast or not at all: no retries, unlike the platform's other HTTP clients.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(3),
    };

    private volatile HashSet<string> _revoked = new(StringComparer.Ordinal);
    private bool _failing;

    public DateTimeOffset? LastRefreshed { get; private set; }

    public ValueTask<bool> IsRevokedAsync(string clientId, CancellationToken ct) =>
        ValueTask.FromResult(_revoked.Contains(RevokedClientList.Hash(clientId)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(refresh);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            var list = await Http.GetFromJsonAsync<RevokedClientList>(source, ct);
            _revoked = new HashSet<string>(list?.Clients ?? [], StringComparer.Ordinal);
            LastRefreshed = DateTimeOffset.UtcNow;
            if (_failing)
            {
                _failing = false;
                logger.LogInformation("The list of disabled clients is read from {Source} again", source);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            if (!_failing)
            {
                _failing = true;
                logger.LogWarning("The list of disabled clients could not be read from {Source} ({Error}); the last list read stays in force",
                    source, e.Message);
            }
        }
    }
}
