using System.Text.RegularExpressions;

namespace VisionEHalsa.Deployment.Tests;

/// <summary>docker-compose.yml, read as YAML (no Docker engine here to run it).</summary>
public sealed partial class ComposeTests
{
    private static readonly Lazy<JsonElement> Compose = new(() => Kubectl.ReadYamlFile(InRepository("docker-compose.yml")));

    private static JsonElement Services => Compose.Value.At("services")!.Value;

    [KubectlFact]
    public void Compose_builds_every_process_from_its_Dockerfile()
    {
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var service = Services.At(process.Name);
            var dockerfile = service.At("build", "dockerfile")?.GetString();
            if (service.At("build", "context")?.GetString() != "." || dockerfile != process.Dockerfile)
            {
                faults.Add($"{process.Name}: built from {dockerfile ?? "nothing"}, not {process.Dockerfile} in the repository root");
            }
            else if (!File.Exists(InRepository(dockerfile)))
            {
                faults.Add($"{process.Name}: {dockerfile} does not exist");
            }
        }

        Assert.Empty(faults);
    }

    [KubectlFact]
    public void Compose_gives_every_process_the_settings_it_requires_and_mounts_the_files_they_name()
    {
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var service = Services.At(process.Name)!.Value;
            var environment = EnvironmentOf(service);
            faults.AddRange(process.RequiredSettings
                .Where(name => string.IsNullOrEmpty(environment.GetValueOrDefault(name)))
                .Select(name => $"{process.Name}: {name} is not set"));

            var mounted = service.Each("volumes").Select(v => v.GetString()!.Split(':')[1])
                .Concat(service.Each("secrets").Select(s => "/run/secrets/" + s.GetString()));
            faults.AddRange(process.FileSettings
                .Where(name => environment.TryGetValue(name, out var path) && !mounted.Any(m => path == m || path.StartsWith(m + "/", StringComparison.Ordinal)))
                .Select(name => $"{process.Name}: {name}={environment[name]} is not mounted"));

            foreach (var (name, value) in environment.Where(e => e.Key.StartsWith("Services__", StringComparison.Ordinal)))
            {
                var target = name["Services__".Length..];
                var uri = new Uri(value);
                if (uri.Host != target || Services.At(target) is null || uri.Port.ToString() != EnvironmentOf(Services.At(target)!.Value).GetValueOrDefault("ASPNETCORE_HTTP_PORTS"))
                {
                    faults.Add($"{process.Name}: {name}={value} is not the {target} service on the port it listens on");
                }
            }
        }

        Assert.Empty(faults);
    }

    [KubectlFact]
    public void Compose_starts_the_services_once_the_database_and_broker_are_healthy()
    {
        Assert.NotNull(Services.At("mongodb", "healthcheck", "test"));
        Assert.NotNull(Services.At("rabbitmq", "healthcheck", "test"));
        var faults = PlatformProcesses.All
            .Where(p => p.RequiredSettings.Contains("MONGODB_URI"))
            .SelectMany(p => new[] { "mongodb", "rabbitmq" }
                .Where(dependency => Services.At(p.Name)!.Value.Text("depends_on", dependency, "condition") != "service_healthy")
                .Select(dependency => $"{p.Name} does not wait for a healthy {dependency}"));
        Assert.Empty(faults);
    }

    [KubectlFact]
    public void Every_process_with_a_database_waits_for_a_healthy_one()
    {
        var faults = PlatformProcesses.All
            .Where(p => EnvironmentOf(Services.At(p.Name)!.Value).ContainsKey("MONGODB_URI"))
            .Where(p => Services.At(p.Name)!.Value.Text("depends_on", "mongodb", "condition") != "service_healthy")
            .Select(p => $"{p.Name} has MONGODB_URI but does not wait for a healthy mongodb")
            .ToList();
        Assert.Contains(PlatformProcesses.All, p => p.Name == "gateway" && EnvironmentOf(Services.At(p.Name)!.Value).ContainsKey("MONGODB_URI"));
        Assert.Empty(faults);
    }

    [KubectlFact]
    public void Compose_probes_the_readiness_of_every_process()
    {
        var probe = Services.At("readiness", "healthcheck", "test")!.Value;
        var command = string.Join(' ', probe.EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("/health/ready", command);
        Assert.All(PlatformProcesses.All, p => Assert.Matches($@"\b{p.Name}\b", command));
    }

    [KubectlFact]
    public void Every_variable_compose_requires_is_in_env_example_with_no_value_to_copy()
    {
        var text = File.ReadAllText(InRepository("docker-compose.yml"));
        var example = File.ReadAllLines(InRepository(".env.example"))
            .Where(l => !l.TrimStart().StartsWith('#') && l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')].Trim(), l => l[(l.IndexOf('=') + 1)..].Trim());
        var required = RequiredVariable().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(example.ContainsKey(name), $"{name} is required by docker-compose.yml but missing from .env.example"));
        Assert.All(required.Where(n => n.Contains("PASSWORD", StringComparison.Ordinal)), name => Assert.Equal(string.Empty, example[name]));
    }

    [KubectlFact]
    public void Prometheus_scrapes_every_process_at_its_metrics_endpoint()
    {
        var config = Services.At("prometheus")!.Value.Each("volumes").Select(v => v.GetString()!.Split(':')).Single(v => v[1] == "/etc/prometheus/prometheus.yml")[0];
        var prometheus = Kubectl.ReadYamlFile(InRepository(config));
        var targets = prometheus.Each("scrape_configs")
            .Where(job => (job.Text("metrics_path") ?? "/metrics") == "/metrics")
            .SelectMany(job => job.Each("static_configs")).SelectMany(s => s.Each("targets")).Select(t => t.GetString()).ToList();
        Assert.All(PlatformProcesses.All, p => Assert.Contains($"{p.Name}:{PlatformProcesses.HttpPort}", targets));
    }

    private static Dictionary<string, string> EnvironmentOf(JsonElement service) =>
        service.At("environment") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(e => e.GetString()!.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty)
            : service.Fields("environment").ToDictionary(f => f.Name, f => f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString()! : f.Value.GetRawText());

    private static string InRepository(string path) => Path.Combine(TestEnvironment.RepositoryRoot, path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path);

    /// <summary>${NAME:?message} or ${NAME?message}: compose refuses to start without it.</summary>
    [GeneratedRegex(@"\$\{([A-Z0-9_]+):?\?")]
    private static partial Regex RequiredVariable();
}
