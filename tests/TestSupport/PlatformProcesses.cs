using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VisionEHalsa.TestSupport;

/// <summary>
/// Starts the platform's real processes from their build output, the way <c>./platform up</c> does: each on a free
/// loopback port, with the test signing key, a LiteDB folder of the run's own and the test run's RabbitMQ node.
/// A process may run more than once under another name (a second gateway with other settings, say).
/// </summary>
public sealed class PlatformProcesses(string dataDirectory) : IAsyncDisposable
{
    public static readonly (string Name, string Project, string Assembly)[] Projects =
    [
        ("survey", "services/Survey", "Survey"),
        ("indicator", "services/Indicator", "Indicator"),
        ("strategy", "services/Strategy", "Strategy"),
        ("reporting", "services/Reporting", "Reporting"),
        ("gateway", "gateway", "Gateway"),
    ];

    public static readonly string[] Services = ["survey", "indicator", "strategy", "reporting"];

    private readonly Dictionary<string, int> _ports = new();
    private readonly Dictionary<string, Process> _running = new();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public string DataDirectory => dataDirectory;

    /// <summary>Settings every process gets, e.g. <c>Auth__ClientsFile</c> or telemetry endpoints.</summary>
    public Dictionary<string, string> Environment { get; } = new();

    public Uri Address(string name) => new($"http://127.0.0.1:{Port(name)}");

    public string LogOf(string name) => Path.Combine(dataDirectory, "logs", name + ".log");

    /// <summary>The port of a process, chosen (and kept) before any process starts, so each can be told where the others are.</summary>
    public int Port(string name)
    {
        if (!_ports.TryGetValue(name, out var port))
        {
            _ports[name] = port = FreePort();
        }

        return port;
    }

    /// <summary>Starts <paramref name="project"/> (survey, ..., gateway) as <paramref name="name"/> with extra settings.</summary>
    public void Start(string name, string? project = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (_, folder, assembly) = Projects.Single(p => p.Name == (project ?? name));
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, folder, "bin", BuildConfiguration, "net10.0", assembly + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution in {BuildConfiguration} first.", dll);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(LogOf(name))!);
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet \"{dll}\" >>\"{LogOf(name)}\" 2>&1"])
        {
            WorkingDirectory = Path.Combine(TestEnvironment.RepositoryRoot, folder),
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = Address(name).ToString().TrimEnd('/');
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Platform__DataDirectory"] = Path.Combine(dataDirectory, "data", name);
        env["RABBITMQ_URI"] = TestEnvironment.RabbitUri;
        // Durable queues of this run's own, so no other host on the test broker competes for its events.
        env["Messaging__QueuePrefix"] = $"{name}-{_runId}";
        env["Auth__PublicKeyPath"] = TestAuth.PublicKeyPath;
        env["Auth__SigningKeyPath"] = TestAuth.SigningKeyPath;
        foreach (var service in Services)
        {
            env[$"Services__{service}"] = Address(service).ToString().TrimEnd('/');
        }

        foreach (var (key, value) in Environment.Concat(settings ?? new Dictionary<string, string>()))
        {
            env[key] = value;
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
                if ((await http.GetAsync(new Uri(Address(name), "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or slow to answer while starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{name} was not ready in time:\n{Tail(LogOf(name))}");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var name in _running.Keys.ToList())
        {
            Kill(name);
        }

        return ValueTask.CompletedTask;
    }

    public static string BuildConfiguration =>
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
