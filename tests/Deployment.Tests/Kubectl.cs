using System.Diagnostics;

namespace VisionEHalsa.Deployment.Tests;

/// <summary>
/// kubectl, run as a process, is both the renderer of the overlays (<c>kubectl kustomize</c>) and the
/// YAML reader of these tests: <c>kubectl annotate --local -o json</c> prints any YAML object as JSON
/// without a cluster, anchors and merge keys resolved.
/// </summary>
public static class Kubectl
{
    public static string? Executable { get; } = Find();

    public static string Kustomize(string directory) => Run(["kustomize", directory], stdin: null);

    /// <summary>Every object of a multi-document YAML stream, as JSON.</summary>
    public static IReadOnlyList<JsonElement> ToJson(string yaml) =>
        ReadAll(Run(["annotate", "--local", "-f", "-", "-o", "json", "deployment-tests/read=true"], yaml));

    /// <summary>A YAML file that is not a Kubernetes object (docker-compose.yml, prometheus.yml), as JSON.</summary>
    public static JsonElement ReadYamlFile(string path)
    {
        // kubectl reads only objects with a kind; these lines make one of the file's top-level mapping.
        var header = "apiVersion: deployment-tests/v1\nkind: YamlFile\nmetadata:\n  name: file\n";
        return ToJson(header + File.ReadAllText(path)).Single();
    }

    private static IReadOnlyList<JsonElement> ReadAll(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true });
        var objects = new List<JsonElement>();
        while (reader.Read())
        {
            objects.Add(JsonElement.ParseValue(ref reader));
        }

        return objects;
    }

    private static string Run(IReadOnlyList<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(KubectlFactAttribute.Missing))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestEnvironment.RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No cluster is needed or wanted: an unreachable server must never be contacted by accident.
        start.Environment["KUBECONFIG"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} did not finish within a minute");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}");
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "kubectl"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact reported as skipped, with the reason, on a machine without kubectl.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public const string Missing = "kubectl is not on PATH (or KUBECTL): the Kubernetes and compose checks need it to render and read YAML.";

    public KubectlFactAttribute()
    {
        if (Kubectl.Executable is null)
        {
            Skip = Missing;
        }
    }
}

/// <summary>A theory reported as skipped, with the reason, on a machine without kubectl.</summary>
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (Kubectl.Executable is null)
        {
            Skip = KubectlFactAttribute.Missing;
        }
    }
}
