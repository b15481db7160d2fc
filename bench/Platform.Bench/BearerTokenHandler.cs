using System.Net;
using System.Net.Http.Headers;

namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// Sends every request with the client's current token; a request refused with 401 gets a renewed token and is sent
/// once more (its body is a byte array, so it can be), so only a token the platform refuses twice reaches the caller.
/// </summary>
public sealed class BearerTokenHandler(ClientToken token) : DelegatingHandler(new SocketsHttpHandler
{
    // One pool per target, no connection limit: the number of workers is the concurrency.
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseCookies = false,
})
{
    /// <summary>Requests refused with 401 and sent again with a renewed token.</summary>
    public int Resent => _resent;

    private int _resent;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var value = await token.ValueAsync(ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        Interlocked.Increment(ref _resent);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.RenewAsync(value, ct));
        return await base.SendAsync(request, ct);
    }
}
