using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VisionEHalsa.EndToEnd.Tests.Telemetry;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.EndToEnd.Tests;

/// <summary>
/// The five real processes, started from their build output on free loopback ports, on a LiteDB folder
/// of their own and the test run's RabbitMQ node, the way <c>./platform up</c> starts them.
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    private readonly PlatformProcesses _processes;

    public RunningPlatform() => _processes = new PlatformProcesses(DataDirectory);

    public string DataDirectory { get; } = TestEnvironment.NewDataDirectory("e2e");

    /// <summary>Where the five processes send their spans (OTLP/HTTP), as they would to Jaeger.</summary>
    public OtlpReceiver Telemetry { get; private set; } = null!;

    public Uri Gateway => _processes.Address("gateway");

    public Uri ServiceAddress(string name) => _processes.Address(name);

    public static readonly (string ClientId, string Secret, string Role, string? Organisation)[] Clients =
    [
        ("kansli", "kansli-" + Guid.NewGuid().ToString("N"), "kansli", null),
        ("operator", "operator-" + Guid.NewGuid().ToString("N"), "operator", null),
        ("stockholm", "stockholm-" + Guid.NewGuid().ToString("N"), "partner", "kommun:0180"),
    ];

    public async Task InitializeAsync()
    {
        Telemetry = await OtlpReceiver.StartAsync();
        File.WriteAllText(ClientsFile, JsonSerializer.Serialize(
            Clients.Select(c => new { clientId = c.ClientId, clientSecret = c.Secret, role = c.Role, organisationId = c.Organisation })));
        var environment = _processes.Environment;
        environment["Auth__ClientsFile"] = ClientsFile;
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint;
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "60000";
        foreach (var (name, _, _) in PlatformProcesses.Projects)
        {
            _processes.Start(name);
        }

        await Task.WhenAll(PlatformProcesses.Projects.Select(p => WaitUntilReadyAsync(p.Name)));
    }

    public async Task DisposeAsync()
    {
        await _processes.DisposeAsync();
        await Telemetry.DisposeAsync();
    }

    private string ClientsFile => Path.Combine(DataDirectory, "clients.json");

    public string LogOf(string name) => _processes.LogOf(name);

    public void Start(string name) => _processes.Start(name);

    /// <summary>SIGKILL, as a crash would: no graceful shutdown.</summary>
    public void Kill(string name) => _processes.Kill(name);

    public Task WaitUntilReadyAsync(string name, TimeSpan? timeout = null) => _processes.WaitUntilReadyAsync(name, timeout);

    public async Task<HttpClient> ClientForAsync(string clientId)
    {
        var (id, secret, _, _) = Clients.Single(c => c.ClientId == clientId);
        using var anonymous = new HttpClient { BaseAddress = Gateway };
        var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = id,
            ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient() => new() { BaseAddress = Gateway };
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<RunningPlatform>
{
    public const string Name = "running platform";
}
