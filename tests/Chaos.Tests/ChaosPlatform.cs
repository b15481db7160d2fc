using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Chaos.Tests;

/// <summary>
/// The five real processes, started once for the chaos suite on one data folder and the test run's broker, with a
/// clients file of the run's own. Faults kill, stop and lock parts of it; each fault's test waits until it has settled.
/// </summary>
public sealed class ChaosPlatform : IAsyncLifetime
{
    public static readonly string[] Services = PlatformProcesses.Services;

    public static readonly string[] Processes = [.. PlatformProcesses.Services, "gateway"];

    private static readonly (string ClientId, string Secret, string Role)[] Clients =
    [
        ("chaos-kansli", Secret(), "kansli"),
        ("chaos-operator", Secret(), "operator"),
    ];

    private readonly Dictionary<string, string> _tokens = new();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public PlatformProcesses Running { get; } = new(TestEnvironment.NewDataDirectory("chaos"));

    public Uri Gateway => Running.Address("gateway");

    /// <summary>Each fault runs its own round in a year of its own, so the year's latest edition is that fault's alone.</summary>
    private int _nextYear = 2030;

    public int NextYear() => _nextYear += 5;

    public async Task InitializeAsync()
    {
        var clientsFile = Path.Combine(Running.DataDirectory, "clients.json");
        await File.WriteAllTextAsync(clientsFile, JsonSerializer.Serialize(Clients.Select(c => new
        {
            clientId = c.ClientId, clientSecret = c.Secret, role = c.Role,
        })));
        Running.Environment["Auth__ClientsFile"] = clientsFile;
        // The processes' own logs are enough here; a chaos run must not wait on an absent trace collector.
        Running.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "60000";
        foreach (var name in Processes)
        {
            Start(name);
        }

        await Task.WhenAll(Processes.Select(p => Running.WaitUntilReadyAsync(p)));
    }

    public async Task DisposeAsync() => await Running.DisposeAsync();

    /// <summary>SIGKILL, then the same process again on the same port and data; returns once it is ready again.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(string name)
    {
        var down = Stopwatch.StartNew();
        Running.Kill(name);
        Start(name);
        await Running.WaitUntilReadyAsync(name, TimeSpan.FromSeconds(120));
        return down.Elapsed;
    }

    /// <summary>Queue names of the run's own (durable, as in production), so a test can find a consumer's queue on the broker.</summary>
    public string QueuePrefix(string name) => $"{name}-chaos-{_runId}";

    public void Start(string name) =>
        Running.Start(name, settings: new Dictionary<string, string> { ["Messaging__QueuePrefix"] = QueuePrefix(name) });

    /// <summary>A client of the gateway with the token of a client of this run (fetched once; tokens outlive a gateway restart).</summary>
    public async Task<HttpClient> ClientAsync(string clientId, TimeSpan? timeout = null)
    {
        if (!_tokens.TryGetValue(clientId, out var token))
        {
            var (id, secret, _) = Clients.Single(c => c.ClientId == clientId);
            using var anonymous = new HttpClient { BaseAddress = Gateway };
            var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = id,
                ["client_secret"] = secret,
            }));
            response.EnsureSuccessStatusCode();
            _tokens[clientId] = token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        }

        var client = new HttpClient { BaseAddress = Gateway, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> KansliAsync(TimeSpan? timeout = null) => ClientAsync("chaos-kansli", timeout);

    /// <summary>The kansli straight at one process, past the gateway.</summary>
    public async Task<HttpClient> KansliDirectAsync(string process, TimeSpan timeout)
    {
        using var viaGateway = await KansliAsync();
        var client = new HttpClient { BaseAddress = Running.Address(process), Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = viaGateway.DefaultRequestHeaders.Authorization;
        return client;
    }

    public Task<HttpClient> OperatorAsync() => ClientAsync("chaos-operator");

    /// <summary>The LiteDB files of a process (the database and its log beside it).</summary>
    public IReadOnlyList<string> StoreFilesOf(string name)
    {
        var folder = Path.Combine(Running.DataDirectory, "data", name);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.db", SearchOption.AllDirectories)
            : [];
    }

    private static string Secret() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Guid.NewGuid().ToString("N");
}

[CollectionDefinition(Name)]
public sealed class ChaosCollection : ICollectionFixture<ChaosPlatform>
{
    public const string Name = "chaos";
}
