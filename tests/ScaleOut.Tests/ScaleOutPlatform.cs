using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.ScaleOut.Tests;

/// <summary>
/// The five processes with <see cref="Replicas"/> indicator and reporting processes, on a RabbitMQ virtual host of
/// their own (no other platform's events reach it). The replicas of a kind share one LiteDB file (shared mode when
/// there are several) and one queue prefix, so they compete for every message as replicas in production do.
/// </summary>
public sealed class ScaleOutPlatform(int replicas) : IAsyncDisposable
{
    private const string KansliClient = "scale-kansli";
    private readonly string _secret = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private BrokerVirtualHost? _broker;
    private string? _token;

    public int Replicas => replicas;

    public PlatformProcesses Running { get; } = new(TestEnvironment.NewDataDirectory($"scale-out-{replicas}"));

    public IReadOnlyList<string> Indicators { get; } = [.. Enumerable.Range(1, replicas).Select(i => i == 1 ? "indicator" : $"indicator-{i}")];

    public IReadOnlyList<string> Reportings { get; } = [.. Enumerable.Range(1, replicas).Select(i => i == 1 ? "reporting" : $"reporting-{i}")];

    public async Task StartAsync()
    {
        _broker = await BrokerVirtualHost.CreateAsync("scale-out");
        var clientsFile = Path.Combine(Running.DataDirectory, "clients.json");
        await File.WriteAllTextAsync(clientsFile, JsonSerializer.Serialize(new[] { new { clientId = KansliClient, clientSecret = _secret, role = "kansli" } }));
        Running.Environment["Auth__ClientsFile"] = clientsFile;
        Running.Environment["RABBITMQ_URI"] = _broker.Uri;
        Running.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "60000";
        foreach (var name in Indicators)
        {
            Running.Start(name, "indicator", Replica("indicator"));
        }

        foreach (var name in Reportings)
        {
            Running.Start(name, "reporting", Replica("reporting"));
        }

        Running.Start("survey");
        Running.Start("gateway");
        await Task.WhenAll(Reportings.Select(p => Running.WaitUntilReadyAsync(p, TimeSpan.FromSeconds(150))));

        // After the reporting processes: their queues must be bound when it announces its seeded strategy.
        Running.Start("strategy");
        string[] all = [.. Indicators, "survey", "gateway", "strategy"];
        await Task.WhenAll(all.Select(p => Running.WaitUntilReadyAsync(p, TimeSpan.FromSeconds(150))));
    }

    public async ValueTask DisposeAsync()
    {
        await Running.DisposeAsync();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    /// <summary>The kansli through the gateway.</summary>
    public async Task<HttpClient> KansliAsync()
    {
        if (_token is null)
        {
            using var anonymous = new HttpClient { BaseAddress = Running.Address("gateway") };
            var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = KansliClient,
                ["client_secret"] = _secret,
            }));
            response.EnsureSuccessStatusCode();
            _token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        }

        var client = new HttpClient { BaseAddress = Running.Address("gateway"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    /// <summary>How many messages of <paramref name="messageType"/> a process has consumed, from its <c>/metrics</c>.</summary>
    public Task<double> ConsumedAsync(string process, string messageType) =>
        MetricAsync(process, "platform_consumer_lag_seconds_count", $"messageType=\"{messageType}\"");

    /// <summary>The sum of a metric's series in a process's <c>/metrics</c>, those with <paramref name="label"/> when given.</summary>
    public async Task<double> MetricAsync(string process, string metric, string? label = null)
    {
        using var http = new HttpClient { BaseAddress = Running.Address(process) };
        var text = await http.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(l => (l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal)) &&
                        (label is null || l.Contains(label, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One data folder and one queue prefix per kind, whatever the replica's name.</summary>
    private Dictionary<string, string> Replica(string kind) => new()
    {
        ["Platform__DataDirectory"] = Path.Combine(Running.DataDirectory, "data", kind),
        ["Storage__LiteDb__Shared"] = replicas > 1 ? "true" : "false",
        ["Messaging__QueuePrefix"] = $"{kind}-{_runId}",
    };
}

/// <summary>Two platforms started side by side: two replicas of each consumer, and one.</summary>
public sealed class ScaleOutPlatforms : IAsyncLifetime
{
    public ScaleOutPlatform Scaled { get; } = new(2);

    public ScaleOutPlatform Single { get; } = new(1);

    public Task InitializeAsync() => Task.WhenAll(Scaled.StartAsync(), Single.StartAsync());

    public async Task DisposeAsync()
    {
        await Scaled.DisposeAsync();
        await Single.DisposeAsync();
    }
}
