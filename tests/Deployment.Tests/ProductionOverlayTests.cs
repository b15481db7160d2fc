using System.Text.RegularExpressions;

namespace VisionEHalsa.Deployment.Tests;

/// <summary>What production adds: replicas, operator-managed broker and database, and no secret in the repository.</summary>
public sealed partial class ProductionOverlayTests
{
    private static Manifest Production => Manifest.Of("production");

    [KubectlFact]
    public void Production_holds_no_secret_value()
    {
        var faults = new List<string>();
        faults.AddRange(Production.OfKind("Secret")
            .Where(s => s.Fields("data").Any() || s.Fields("stringData").Any())
            .Select(s => $"Secret {s.Name()} is inlined"));
        foreach (var item in Production.Objects)
        {
            faults.AddRange(Strings(item, $"{item.Kind()} {item.Name()}")
                .Where(s => CredentialsInUri().IsMatch(s.Value) || s.Field.Contains("password", StringComparison.OrdinalIgnoreCase))
                .Select(s => $"{s.Where}: {s.Field} holds a literal credential"));
        }

        foreach (var process in PlatformProcesses.All)
        {
            var settings = KubernetesSettings.Of(Production, Manifest.Container(Production.Deployment(process.Name)));
            faults.AddRange(settings.Values
                .Where(s => s.SecretName is null && (s.Name is "RABBITMQ_URI" or "MONGODB_URI" || SecretLikeName().IsMatch(s.Name)))
                .Select(s => $"{process.Name}: {s.Name} carries a credential but is not read from a Secret"));
        }

        Assert.Empty(faults);
    }

    [KubectlFact]
    public void Production_runs_three_replicas_of_every_process_that_scales_and_autoscales_from_there()
    {
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All.Where(p => p.Scales))
        {
            var replicas = Production.Deployment(process.Name).Text("spec", "replicas");
            var autoscaler = Production.OfKind("HorizontalPodAutoscaler")
                .SingleOrDefault(h => h.Text("spec", "scaleTargetRef", "kind") == "Deployment" && h.Text("spec", "scaleTargetRef", "name") == process.Name);
            if (replicas != "3")
            {
                faults.Add($"{process.Name}: {replicas ?? "no"} replicas");
            }

            if (autoscaler.ValueKind == JsonValueKind.Undefined)
            {
                faults.Add($"{process.Name}: no HorizontalPodAutoscaler");
            }
            else if (autoscaler.Text("spec", "minReplicas") != replicas || int.Parse(autoscaler.Text("spec", "maxReplicas")!) <= int.Parse(replicas ?? "0"))
            {
                faults.Add($"{process.Name}: autoscales from {autoscaler.Text("spec", "minReplicas")} to {autoscaler.Text("spec", "maxReplicas")} while it runs {replicas}");
            }
        }

        Assert.Empty(faults);
    }

    [KubectlFact]
    public void Production_runs_RabbitMQ_as_a_three_node_RabbitmqCluster_with_quorum_queues()
    {
        var cluster = Assert.Single(Production.OfKind("RabbitmqCluster"));
        Assert.StartsWith("rabbitmq.com/", cluster.Text("apiVersion"));
        Assert.Equal("3", cluster.Text("spec", "replicas"));
        Assert.Matches(@"(?m)^\s*default_queue_type\s*=\s*quorum\s*$", cluster.Text("spec", "rabbitmq", "additionalConfig") ?? string.Empty);
        Assert.Equal("broker", cluster.Text("spec", "override", "statefulSet", "spec", "template", "metadata", "labels", "vision-ehalsa.se/tier"));
    }

    [KubectlFact]
    public void Production_runs_MongoDB_as_a_MongoDBCommunity_replica_set_that_gives_each_service_its_connection_string()
    {
        var database = Assert.Single(Production.OfKind("MongoDBCommunity"));
        Assert.Equal("ReplicaSet", database.Text("spec", "type"));
        Assert.Equal("3", database.Text("spec", "members"));
        Assert.Equal("database", database.Text("spec", "statefulSet", "spec", "template", "metadata", "labels", "vision-ehalsa.se/tier"));

        var written = database.Each("spec", "users").ToDictionary(u => u.Text("connectionStringSecretName")!, u => u);
        foreach (var process in PlatformProcesses.All.Where(p => p.RequiredSettings.Contains("MONGODB_URI")))
        {
            var uri = KubernetesSettings.Of(Production, Manifest.Container(Production.Deployment(process.Name)))["MONGODB_URI"];
            Assert.True(written.TryGetValue(uri.SecretName!, out var user), $"{process.Name} reads MONGODB_URI from {uri.SecretName}, which the operator does not write");
            Assert.Equal("connectionString.standard", uri.SecretKey);
            Assert.Equal(new[] { process.Name }, user.Each("roles").Select(r => r.Text("db")).Distinct());
        }
    }

    [KubectlFact]
    public void Production_gives_the_gateway_a_database_of_its_own_that_its_replicas_share()
    {
        var gateway = Production.Deployment("gateway");
        var uri = KubernetesSettings.Of(Production, Manifest.Container(gateway))["MONGODB_URI"];
        Assert.Equal("connectionString.standard", uri.SecretKey);

        var database = Assert.Single(Production.OfKind("MongoDBCommunity"));
        var user = Assert.Single(database.Each("spec", "users"), u => u.Text("connectionStringSecretName") == uri.SecretName);
        Assert.Equal(new[] { "gateway" }, user.Each("roles").Select(r => r.Text("db")).Distinct());
        Assert.Equal("gateway-database-password", user.Text("passwordSecretRef", "name"));

        var members = database.Labels("spec", "statefulSet", "spec", "template", "metadata", "labels");
        Assert.True(NetworkReach.Allows(Production, Manifest.PodLabels(gateway), members, "27017"), "the network policies keep the gateway from its database");
    }

    private static IEnumerable<(string Where, string Field, string Value)> Strings(JsonElement element, string where, string field = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var found in Strings(property.Value, where, property.Name))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in Strings(item, where, field))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValueKind.String:
                yield return (where, field, element.GetString()!);
                break;
        }
    }

    /// <summary>scheme://user:password@host: a password written into a URI.</summary>
    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialsInUri();

    [GeneratedRegex("password|secret|licen[cs]ekey|apikey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLikeName();
}
