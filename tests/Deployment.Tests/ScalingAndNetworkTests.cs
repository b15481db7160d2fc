namespace VisionEHalsa.Deployment.Tests;

/// <summary>Disruption budgets, autoscaling, network policies and the ingress, in both overlays.</summary>
public sealed class ScalingAndNetworkTests
{
    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_process_that_scales_has_a_disruption_budget_over_its_pods(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var uncovered = PlatformProcesses.All.Where(p => p.Scales)
            .Where(p => !manifest.OfKind("PodDisruptionBudget").Any(budget =>
                LabelSelector.Matches(budget.At("spec", "selector"), Manifest.PodLabels(manifest.Deployment(p.Name)))
                && (budget.At("spec", "maxUnavailable") ?? budget.At("spec", "minAvailable")) is not null))
            .Select(p => p.Name);
        Assert.Empty(uncovered);
    }

    [KubectlFact]
    public void Local_runs_one_replica_of_every_process_and_no_autoscaler()
    {
        var manifest = Manifest.Of("local");
        var replicas = PlatformProcesses.All.ToDictionary(p => p.Name, p => manifest.Deployment(p.Name).Text("spec", "replicas"));
        Assert.All(replicas, r => Assert.Equal("1", r.Value));
        Assert.Empty(manifest.OfKind("HorizontalPodAutoscaler"));
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Only_the_gateway_admits_traffic_from_the_ingress_controller(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var policies = manifest.OfKind("NetworkPolicy").ToList();
        Assert.Contains(policies, p => !p.Fields("spec", "podSelector").Any()
            && p.Each("spec", "policyTypes").Any(t => t.GetString() == "Ingress") && !p.Each("spec", "ingress").Any());

        var admitted = new List<string>();
        foreach (var policy in policies)
        {
            var fromOutside = policy.Each("spec", "ingress").Any(rule =>
                !rule.Each("from").Any() || rule.Each("from").Any(peer => peer.At("ipBlock") is not null
                    || peer.Text("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name") == "ingress-nginx"));
            if (fromOutside)
            {
                admitted.AddRange(PlatformProcesses.All
                    .Where(p => LabelSelector.Matches(policy.At("spec", "podSelector"), Manifest.PodLabels(manifest.Deployment(p.Name))))
                    .Select(p => p.Name));
            }
        }

        Assert.Equal(new[] { "gateway" }, admitted.Distinct());
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Processes_reach_only_the_broker_the_database_telemetry_and_the_services_they_call(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        string[] everyone = ["namespace kube-system:53", "namespace observability:4317", "namespace observability:4318", "tier telemetry:4317", "tier telemetry:4318"];
        string[] stores = ["tier broker:5672", "tier database:27017"];
        // Every service polls the gateway's list of disabled clients; the gateway keeps its clients in its own database.
        string[] service = [.. everyone, .. stores, "app gateway:8080"];
        var allowed = new Dictionary<string, string[]>
        {
            ["survey"] = service,
            ["indicator"] = [.. service, "app survey:8080"],
            ["strategy"] = service,
            ["reporting"] = service,
            ["gateway"] = [.. everyone, "tier service:8080", "tier database:27017"],
        };
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var labels = Manifest.PodLabels(manifest.Deployment(process.Name));
            var egress = manifest.OfKind("NetworkPolicy")
                .Where(p => p.Each("spec", "policyTypes").Any(t => t.GetString() == "Egress") && LabelSelector.Matches(p.At("spec", "podSelector"), labels))
                .ToList();
            if (egress.Count == 0)
            {
                faults.Add($"{process.Name}: no egress policy, so it may reach anything");
            }

            faults.AddRange(egress.SelectMany(p => p.Each("spec", "egress"))
                .SelectMany(Destinations)
                .Where(peer => !allowed[process.Name].Contains(peer))
                .Select(peer => $"{process.Name} may reach {peer}"));
        }

        Assert.Empty(faults);
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_service_may_reach_the_gateway_for_its_list_of_disabled_clients(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var gateway = Manifest.PodLabels(manifest.Deployment("gateway"));
        var cut = PlatformProcesses.All.Where(p => p.Name != "gateway")
            .Where(p => !NetworkReach.Allows(manifest, Manifest.PodLabels(manifest.Deployment(p.Name)), gateway, PlatformProcesses.HttpPort))
            .Select(p => p.Name);
        Assert.Empty(cut);
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void The_ingress_routes_only_the_public_API_and_only_to_the_gateway(string overlay)
    {
        var paths = Manifest.Of(overlay).OfKind("Ingress")
            .SelectMany(i => i.Each("spec", "rules")).SelectMany(r => r.Each("http", "paths"))
            .Select(p => (Path: p.Text("path")!, Service: p.Text("backend", "service", "name")))
            .ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.Equal("gateway", p.Service));
        Assert.DoesNotContain(paths, p => p.Path == "/" || p.Path.StartsWith("/health", StringComparison.Ordinal) || p.Path.StartsWith("/metrics", StringComparison.Ordinal));
    }

    /// <summary>Each peer and port an egress rule opens, as "tier broker:5672"; "anywhere" and "any" where it leaves them open.</summary>
    private static IEnumerable<string> Destinations(JsonElement rule)
    {
        var peers = rule.Each("to").Any() ? rule.Each("to").Select(Peer).ToList() : ["anywhere"];
        var ports = rule.Each("ports").Any() ? rule.Each("ports").Select(p => p.Text("port") ?? "any").ToList() : ["any"];
        return peers.SelectMany(peer => ports.Select(port => $"{peer}:{port}")).Distinct();
    }

    /// <summary>An egress peer in words: "namespace X", "tier T", "app N"; anything else verbatim, to be reported.</summary>
    private static string Peer(JsonElement peer) =>
        peer.Text("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name") is { } ns ? $"namespace {ns}"
        : peer.Text("podSelector", "matchLabels", "vision-ehalsa.se/tier") is { } tier ? $"tier {tier}"
        : peer.Text("podSelector", "matchLabels", "app.kubernetes.io/name") is { } app ? $"app {app}"
        : peer.GetRawText();
}
