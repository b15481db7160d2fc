using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// The kansli's bearer token, fetched from the gateway's token endpoint and fetched again a minute before it expires:
/// a full run outlasts one token.
/// </summary>
public sealed class KansliToken(Uri gateway, string secret) : DelegatingHandler(new SocketsHttpHandler
{
    // One pool per target, no connection limit: the number of workers is the concurrency.
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseCookies = false,
})
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private (string Value, DateTimeOffset RenewAt)? _current;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await ValueAsync(ct));
        return await base.SendAsync(request, ct);
    }

    private async Task<string> ValueAsync(CancellationToken ct)
    {
        if (_current is { } token && DateTimeOffset.UtcNow < token.RenewAt)
        {
            return token.Value;
        }

        await _renewing.WaitAsync(ct);
        try
        {
            if (_current is { } renewed && DateTimeOffset.UtcNow < renewed.RenewAt)
            {
                return renewed.Value;
            }

            using var anonymous = new HttpClient { BaseAddress = gateway };
            var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "kansli",
                ["client_secret"] = secret,
            }), ct);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var lifetime = TimeSpan.FromSeconds(body.GetProperty("expires_in").GetInt32());
            _current = (body.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow + lifetime - Margin);
            return _current.Value.Value;
        }
        finally
        {
            _renewing.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _renewing.Dispose();
        }

        base.Dispose(disposing);
    }
}
