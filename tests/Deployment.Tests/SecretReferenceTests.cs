namespace VisionEHalsa.Deployment.Tests;

/// <summary>Every Secret a workload or operator resource reads has a known origin.</summary>
public sealed class SecretReferenceTests
{
    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_secret_used_is_rendered_written_by_an_operator_or_named_in_the_deployment_guide(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var guide = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "deployment.md"));
        var byOperator = manifest.OfKind("MongoDBCommunity").SelectMany(m => m.Each("spec", "users")).Select(u => u.Text("connectionStringSecretName")).ToHashSet();
        var faults = new List<string>();
        foreach (var (secret, key, user) in SecretReferences(manifest))
        {
            if (manifest.Find("Secret", secret) is { } rendered)
            {
                if (key is not null && !rendered.Fields("data").Concat(rendered.Fields("stringData")).Any(f => f.Name == key))
                {
                    faults.Add($"{user}: Secret {secret} has no key {key}");
                }
            }
            else if (!byOperator.Contains(secret) && !guide.Contains($"`{secret}`", StringComparison.Ordinal))
            {
                faults.Add($"{user}: Secret {secret} is neither rendered, written by an operator, nor named in docs/deployment.md");
            }
        }

        Assert.Empty(faults);
    }

    private static IEnumerable<(string Secret, string? Key, string User)> SecretReferences(Manifest manifest)
    {
        foreach (var workload in manifest.Objects.Where(o => o.Kind() is "Deployment" or "StatefulSet"))
        {
            var pod = workload.At("spec", "template", "spec")!.Value;
            foreach (var container in pod.Each("containers").Concat(pod.Each("initContainers")))
            {
                foreach (var variable in container.Each("env"))
                {
                    if (variable.At("valueFrom", "secretKeyRef") is { } reference && reference.Text("optional") != "true")
                    {
                        yield return (reference.Text("name")!, reference.Text("key"), workload.Name());
                    }
                }

                foreach (var source in container.Each("envFrom"))
                {
                    if (source.Text("secretRef", "name") is { } name)
                    {
                        yield return (name, null, workload.Name());
                    }
                }
            }

            foreach (var volume in pod.Each("volumes"))
            {
                if (volume.Text("secret", "secretName") is { } name)
                {
                    yield return (name, null, workload.Name());
                }
            }
        }

        foreach (var user in manifest.OfKind("MongoDBCommunity").SelectMany(m => m.Each("spec", "users")))
        {
            yield return (user.Text("passwordSecretRef", "name")!, null, $"MongoDB user {user.Text("name")}");
        }

        foreach (var user in manifest.OfKind("User"))
        {
            yield return (user.Text("spec", "importCredentialsSecret", "name")!, null, $"RabbitMQ user {user.Name()}");
        }
    }
}
