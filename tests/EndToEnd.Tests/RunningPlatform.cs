using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
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
    private static readonly (string Name, string Project, string Assembly)[] Processes =
    [
        ("survey", "services/Survey", "Survey"),
        ("indicator", "services/Indicator", "Indicator"),
        ("strategy", "services/Strategy", "Strategy"),
        ("reporting", "services/Reporting", "Reporting"),
        ("gateway", "gateway", "Gateway"),
    ];

    private readonly Dictionary<string, int> _ports = new();
    private readonly Dictionary<string, Process> _running = new();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public string DataDirectory { get; } = TestEnvironment.NewDataDirectory("e2e");

    /// <summary>Where the five processes send their spans (OTLP/HTTP), as they would to Jaeger.</summary>
    public OtlpReceiver Telemetry { get; private set; } = null!;

    public Uri Gateway => new($"http://127.0.0.1:{_ports["gateway"]}");

    public Uri ServiceAddress(string name) => new($"http://127.0.0.1:{_ports[name]}");

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
        foreach (var (name, _, _) in Processes)
        {
            _ports[name] = FreePort();
        }

        foreach (var (name, _, _) in Processes)
        {
            Start(name);
        }

        await Task.WhenAll(Processes.Select(p => WaitUntilReadyAsync(p.Name)));
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _running.Keys.ToList())
        {
            Kill(name);
        }

        await Telemetry.DisposeAsync();
    }

    private string ClientsFile => Path.Combine(DataDirectory, "clients.json");

    public string LogOf(string name) => Path.Combine(DataDirectory, "logs", name + ".log");

    public void Start(string name)
    {
        var (_, project, assembly) = Processes.Single(p => p.Name == name);
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, project, "bin", BuildConfiguration, "net10.0", assembly + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution in {BuildConfiguration} first.", dll);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(LogOf(name))!);
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet \"{dll}\" >>\"{LogOf(name)}\" 2>&1"])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.RepositoryRoot, project),
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = ServiceAddress(name).ToString().TrimEnd('/');
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Platform__DataDirectory"] = Path.Combine(DataDirectory, "data");
        env["RABBITMQ_URI"] = TestEnvironment.RabbitUri;
        // Durable queues of this run's own, so no other host on the test broker competes for its events.
        env["Messaging__QueuePrefix"] = $"{name}-e2e-{_runId}";
        env["Auth__PublicKeyPath"] = TestAuth.PublicKeyPath;
        env["Auth__SigningKeyPath"] = TestAuth.SigningKeyPath;
        env["Auth__ClientsFile"] = ClientsFile;
        env["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint;
        env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        env["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        env["OTEL_METRIC_EXPORT_INTERVAL"] = "60000";
        foreach (var (service, _, _) in Processes)
        {
            env[$"Services__{service}"] = ServiceAddress(service).ToString().TrimEnd('/');
        }

        _running[name] = Process.Start(start) ?? throw new InvalidOperationException("could not start " + name);
    }

    /// <summary>SIGKILL, as a crash would: no graceful shutdown.</summary>
    public void Kill(string name)
    {
        if (_running.Remove(name, out var process) && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public async Task WaitUntilReadyAsync(string name, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (_running.TryGetValue(name, out var process) && process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited during start-up:\n{Tail(LogOf(name))}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(ServiceAddress(name), "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{name} was not ready in time:\n{Tail(LogOf(name))}");
    }

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

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string path) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(40)) : "(no log)";
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<RunningPlatform>
{
    public const string Name = "running platform";
}
