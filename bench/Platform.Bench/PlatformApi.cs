using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// The kansli's view of the running platform: its token from the gateway (renewed before it expires), used both through
/// the gateway and directly against the survey service, so the two paths differ only by the gateway.
/// </summary>
public sealed class PlatformApi : IDisposable
{
    public const string Questionnaire = "vision-ehalsa-kommun";

    private readonly ClientToken _token;
    private readonly BearerTokenHandler[] _handlers;

    private PlatformApi(ClientToken token, Uri gateway, Uri survey, Uri reporting)
    {
        _token = token;
        _handlers = [new BearerTokenHandler(token), new BearerTokenHandler(token)];
        (Gateway, Survey, Reporting) = (Client(gateway, _handlers[0]), Client(survey, _handlers[1]), Client(reporting, new SocketsHttpHandler()));
    }

    public HttpClient Gateway { get; }

    public HttpClient Survey { get; }

    /// <summary>The reporting service's own port, for its <c>/metrics</c>.</summary>
    public HttpClient Reporting { get; }

    /// <summary>Tokens fetched (the first and every renewal) and requests sent again after a 401, for the run's record.</summary>
    public object Tokens => new { fetched = _token.Fetched, resentAfter401 = _handlers.Sum(h => h.Resent) };

    /// <summary>The kansli's token from the gateway, one for both paths, so the two differ only by the gateway.</summary>
    public static async Task<PlatformApi> ConnectAsync(BenchOptions options)
    {
        var clients = JsonDocument.Parse(await File.ReadAllTextAsync(options.ClientsFile)).RootElement;
        var secret = clients.EnumerateArray().First(c => c.GetProperty("clientId").GetString() == "kansli").GetProperty("clientSecret").GetString()!;
        var api = new PlatformApi(new ClientToken(options.Gateway, "kansli", secret), options.Gateway, options.Survey, options.Reporting);
        await api.KommunerAsync(); // fetches the token now, so a wrong secret fails here rather than in a measurement
        return api;
    }

    public async Task<IReadOnlyList<string>> KommunerAsync()
    {
        var organisations = await Gateway.GetFromJsonAsync<List<JsonElement>>("/api/v1/organisations?type=kommun");
        return [.. organisations!.Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>A new round of the seeded questionnaire (its 16 indicators), open for responses.</summary>
    public async Task<string> OpenRoundAsync(string purpose, int year)
    {
        var id = $"bench-{purpose}-{year}-{Guid.NewGuid().ToString("N")[..6]}";
        await ExpectAsync(HttpStatusCode.Created, await Gateway.PostAsJsonAsync("/api/v1/rounds", new { id, questionnaireId = Questionnaire, year }));
        await ExpectAsync(HttpStatusCode.OK, await Gateway.PostAsync($"/api/v1/rounds/{id}/open", null));
        return id;
    }

    public static async Task<HttpStatusCode> SubmitAsync(HttpClient client, string roundId, string organisationId, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PutAsync($"/api/v1/rounds/{roundId}/responses/{organisationId}", content, ct);
        return response.StatusCode;
    }

    /// <summary>The highest edition of the year's report, 0 before the first: a small listing, cheap to poll.</summary>
    public async Task<int> LatestEditionAsync(int year, CancellationToken ct)
    {
        using var response = await Gateway.GetAsync($"/api/v1/reports?year={year}", ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return 0;
        }

        var editions = await response.Content.ReadFromJsonAsync<List<JsonElement>>(ct);
        return editions is { Count: > 0 } ? editions.Max(e => e.GetProperty("edition").GetInt32()) : 0;
    }

    public async Task<string?> LatestCsvAsync(int year, CancellationToken ct)
    {
        using var response = await Gateway.GetAsync($"/api/v1/reports/{year}/latest.csv", ct);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(ct) : null;
    }

    public void Dispose()
    {
        Gateway.Dispose();
        Survey.Dispose();
        Reporting.Dispose();
        _token.Dispose();
    }

    private static HttpClient Client(Uri address, HttpMessageHandler handler) =>
        new(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
