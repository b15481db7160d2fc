using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// One client's bearer token from the gateway's token endpoint, shared by every HTTP client of the load generator that
/// acts as that client. Fetched again a minute before it expires, and at once when a service refuses it: a full run and a
/// soak outlast one token (15 minutes), and a request that waited in a queue past the expiry must not fail the run.
/// </summary>
public sealed class ClientToken(Uri gateway, string clientId, string secret) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly HttpClient _tokens = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private volatile Token? _current;

    private sealed record Token(string Value, DateTimeOffset RenewAt);

    /// <summary>How many tokens were fetched: the first one and every renewal.</summary>
    public int Fetched { get; private set; }

    public async Task<string> ValueAsync(CancellationToken ct)
    {
        var token = _current;
        return token is not null && DateTimeOffset.UtcNow < token.RenewAt ? token.Value : await RenewAsync(token?.Value, ct);
    }

    /// <summary>
    /// A new token unless another caller has already replaced <paramref name="stale"/>, so that the many workers refused
    /// at the same moment cause one renewal, not one each.
    /// </summary>
    public async Task<string> RenewAsync(string? stale, CancellationToken ct)
    {
        await _renewing.WaitAsync(ct);
        try
        {
            if (_current is { } current && current.Value != stale && DateTimeOffset.UtcNow < current.RenewAt)
            {
                return current.Value;
            }

            var body = await FetchAsync(ct);
            var lifetime = TimeSpan.FromSeconds(body.GetProperty("expires_in").GetInt32());
            var renewed = new Token(body.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow + lifetime - Margin);
            _current = renewed;
            Fetched++;
            return renewed.Value;
        }
        finally
        {
            _renewing.Release();
        }
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _renewing.Dispose();
    }

    private async Task<JsonElement> FetchAsync(CancellationToken ct)
    {
        // The token endpoint is rate limited per client; a refusal there is waited out, a few times.
        for (var attempt = 1; ; attempt++)
        {
            using var response = await _tokens.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = secret,
            }), ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
                continue;
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }
    }
}
