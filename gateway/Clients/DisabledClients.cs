using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Clients;

/// <summary>
/// The disabled clients, read from the client store at most <see cref="MaxAge"/> ago: the gateway refuses their tokens on
/// every request and publishes their hashed ids at <c>GET /internal/revoked-clients</c> for the services.
/// </summary>
public sealed class DisabledClients : IRevokedClients
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ClientStore _store;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public DisabledClients(ClientStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
        store.Disabled += () => _snapshot = null;
    }

    public async ValueTask<bool> IsRevokedAsync(string clientId, CancellationToken ct) => (await CurrentAsync(ct)).Ids.Contains(clientId);

    public async Task<RevokedClientList> ListAsync(CancellationToken ct) =>
        new([.. (await CurrentAsync(ct)).Ids.Select(RevokedClientList.Hash).Order(StringComparer.Ordinal)]);

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        if (_snapshot is { } fresh && _clock.GetUtcNow() - fresh.ReadAt < MaxAge)
        {
            return fresh;
        }

        await _reading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } other && _clock.GetUtcNow() - other.ReadAt < MaxAge)
            {
                return other;
            }

            // Read time is taken before the read, so a snapshot is never believed fresher than it is.
            var readAt = _clock.GetUtcNow();
            var snapshot = new Snapshot(await _store.DisabledIdsAsync(ct), readAt);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    private sealed record Snapshot(IReadOnlySet<string> Ids, DateTimeOffset ReadAt);
}

public static class RevokedClientsEndpoint
{
    public static WebApplication MapRevokedClients(this WebApplication app)
    {
        // Open, so services can read it with no credentials of their own; it names no client, only hashes of disabled ones.
        app.MapGet(RevokedClientList.Path, async (HttpResponse response, DisabledClients disabled, CancellationToken ct) =>
            {
                response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await disabled.ListAsync(ct));
            })
            .AllowAnonymous()
            .RequireRateLimiting(EdgePolicies.ClientRateLimit)
            .WithName("ListRevokedClients")
            .WithSummary("The SHA-256 (hex) of every disabled client's id; the services refuse those clients' tokens.")
            .WithTags("Internal")
            .WithRequestTimeout(EdgePolicies.DefaultTimeout);
        return app;
    }
}
