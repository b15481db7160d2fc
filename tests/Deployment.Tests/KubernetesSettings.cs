namespace VisionEHalsa.Deployment.Tests;

/// <summary>A setting as the process sees it: a literal value, or a key of a Secret it is read from.</summary>
public sealed record Setting(string Name, string? Value, string? SecretName, string? SecretKey)
{
    public bool IsProvided => !string.IsNullOrEmpty(Value) || SecretName is not null;
}

/// <summary>What a container is given: its env and envFrom, with ConfigMaps resolved from the render.</summary>
public static class KubernetesSettings
{
    public static IReadOnlyDictionary<string, Setting> Of(Manifest manifest, JsonElement container)
    {
        var settings = new Dictionary<string, Setting>();
        foreach (var source in container.Each("envFrom"))
        {
            if (source.Text("configMapRef", "name") is { } configMap)
            {
                var map = manifest.Find("ConfigMap", configMap)
                    ?? throw new Xunit.Sdk.XunitException($"{manifest.Overlay}: ConfigMap {configMap} is referenced but not rendered");
                foreach (var entry in map.Fields("data"))
                {
                    settings[entry.Name] = new(entry.Name, entry.Value.GetString(), null, null);
                }
            }
            else if (source.Text("secretRef", "name") is { } secretName && manifest.Find("Secret", secretName) is { } secret)
            {
                foreach (var entry in secret.Fields("data").Concat(secret.Fields("stringData")))
                {
                    settings[entry.Name] = new(entry.Name, null, secretName, entry.Name);
                }
            }
        }

        // env wins over envFrom, as in Kubernetes.
        foreach (var variable in container.Each("env"))
        {
            var name = variable.Text("name")!;
            settings[name] = variable.At("valueFrom", "secretKeyRef") is { } secretRef
                ? new(name, null, secretRef.Text("name"), secretRef.Text("key"))
                : variable.At("valueFrom", "configMapKeyRef") is { } mapRef
                    ? new(name, manifest.Find("ConfigMap", mapRef.Text("name") ?? string.Empty)?.Text("data", mapRef.Text("key") ?? string.Empty), null, null)
                    : new(name, variable.Text("value"), null, null);
        }

        return settings;
    }

    /// <summary>Why the file at <paramref name="path"/> exists in the container, or null when nothing mounts it.</summary>
    public static string? MountOf(JsonElement podSpec, JsonElement container, string path)
    {
        foreach (var mount in container.Each("volumeMounts"))
        {
            var mountPath = mount.Text("mountPath")!.TrimEnd('/');
            if (!path.StartsWith(mountPath + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var volume = podSpec.Each("volumes").Single(v => v.Text("name") == mount.Text("name"));
            var relative = path[(mountPath.Length + 1)..];
            var items = volume.Each("secret", "items").Concat(volume.Each("configMap", "items")).Select(i => i.Text("path")).ToList();
            if (items.Count == 0 || items.Contains(relative))
            {
                return $"volume {volume.Text("name")} at {mountPath}";
            }
        }

        return null;
    }
}
