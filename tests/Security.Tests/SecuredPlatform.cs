using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Security.Tests;

/// <summary>
/// The five real processes with a clients file of this run, plus a second gateway with tight limits. Every process
/// validates tokens itself; the services fetch the gateway's list of disabled clients, as in production.
/// </summary>
public sealed class SecuredPlatform : IAsyncLifetime
{
    public const string OwnOrganisation = "kommun:0180";
    public const string OtherOrganisation = "kommun:1480";
    public const string TightGateway = "gateway-tight";

    /// <summary>Who calls: the clients of the clients file, by the name the tests use for them.</summary>
    public static readonly (string ClientId, string Secret, string Role, string[] Organisations)[] Clients =
    [
        ("kansli", Secret(), "kansli", []),
        ("operator", Secret(), "operator", []),
        ("admin", Secret(), "admin", []),
        ("stockholm", Secret(), "partner", [OwnOrganisation]),
        ("norrbotten", Secret(), "partner", ["kommun:2584", "kommun:2580"]),
    ];

    private readonly Dictionary<string, string> _tokens = new();

    public PlatformProcesses Processes { get; } = new(TestEnvironment.NewDataDirectory("security"));

    public Uri Gateway => Processes.Address("gateway");

    /// <summary>A round of the seeded questionnaire, open for responses, created by the kansli at start.</summary>
    public string RoundId { get; } = "sec-" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        var clientsFile = Path.Combine(Processes.DataDirectory, "clients.json");
        await File.WriteAllTextAsync(clientsFile, JsonSerializer.Serialize(Clients.Select(c => new
        {
            clientId = c.ClientId, clientSecret = c.Secret, role = c.Role, organisationIds = c.Organisations,
        })));
        Processes.Environment["Auth__ClientsFile"] = clientsFile;
        var gateway = new Dictionary<string, string> { ["Services__gateway"] = Processes.Address("gateway").ToString().TrimEnd('/') };
        foreach (var service in PlatformProcesses.Services)
        {
            Processes.Start(service, settings: gateway);
        }

        Processes.Start("gateway");
        Processes.Start(TightGateway, "gateway", new Dictionary<string, string>
        {
            ["Gateway__PermitsPerSecond"] = "5",
            ["Gateway__TokenRequestsPerMinute"] = "3",
        });
        await Task.WhenAll(PlatformProcesses.Services.Append("gateway").Append(TightGateway).Select(p => Processes.WaitUntilReadyAsync(p)));

        var kansli = await ThroughGatewayAsync("kansli");
        (await kansli.PostAsJsonAsync("/api/v1/rounds", new { id = RoundId, questionnaireId = "vision-ehalsa-kommun", year = 2025 })).EnsureSuccessStatusCode();
        (await kansli.PostAsync($"/api/v1/rounds/{RoundId}/open", null)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await Processes.DisposeAsync();

    public async Task<string> TokenAsync(string clientId)
    {
        if (!_tokens.TryGetValue(clientId, out var token))
        {
            var (id, secret, _, _) = Clients.Single(c => c.ClientId == clientId);
            _tokens[clientId] = token = await TokenAsync(id, secret);
        }

        return token;
    }

    public async Task<string> TokenAsync(string clientId, string secret)
    {
        var response = await RequestTokenAsync(Gateway, clientId, secret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(Uri gateway, string clientId, string secret)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
    }

    public async Task<HttpClient> ThroughGatewayAsync(string clientId) => Client(Gateway, await TokenAsync(clientId));

    public async Task<HttpClient> DirectAsync(string service, string clientId) => Client(Processes.Address(service), await TokenAsync(clientId));

    public static HttpClient Client(Uri address, string? token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A complete, valid response to the seeded questionnaire.</summary>
    public const string ValidAnswers = """{"answers":{"DIGPLAN":true,"PERSRES":true,"KVAL_LS":false,"SAKID":false,"SAKID_HSL":true,"NPO":true,"ETJ_EKB":true,"ETJ_BU":true,"AUTO_EKB":false,"MOBDOK_HT":true,"STRUKDOK":true,"NATT_KAM_AO":true,"NATT_KAM_FH":false,"TILLSYN_DAG_FH":false,"GPS_LARM":true}}""";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Secret() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Guid.NewGuid().ToString("N");
}

[CollectionDefinition(Name)]
public sealed class SecuredPlatformCollection : ICollectionFixture<SecuredPlatform>
{
    public const string Name = "secured platform";
}
