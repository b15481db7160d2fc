namespace VisionEHalsa.Deployment.Tests;

/// <summary>What every process's Deployment promises, in both overlays.</summary>
public sealed class ProcessDeploymentTests
{
    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_process_has_a_deployment_with_readiness_and_liveness_probes_on_its_port(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var container = Manifest.Container(manifest.Deployment(process.Name));
            foreach (var (probe, path) in new[] { ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live") })
            {
                var get = container.At(probe, "httpGet");
                if (get?.Text("path") != path)
                {
                    faults.Add($"{process.Name}: {probe} does not GET {path}");
                }
                else if (PortNumber(container, get.Value.Text("port")) != PlatformProcesses.HttpPort)
                {
                    faults.Add($"{process.Name}: {probe} probes port {get.Value.Text("port")}, not the process's {PlatformProcesses.HttpPort}");
                }
            }
        }

        Assert.Empty(faults);
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_process_requests_cpu_and_memory_and_is_limited_to_no_less(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var resources = Manifest.Container(manifest.Deployment(process.Name)).At("resources");
            foreach (var resource in new[] { "cpu", "memory" })
            {
                var request = resources.At("requests", resource)?.GetString();
                var limit = resources.At("limits", resource)?.GetString();
                if (request is null || limit is null)
                {
                    faults.Add($"{process.Name}: {resource} request {request ?? "missing"}, limit {limit ?? "missing"}");
                }
                else if (Quantity.Parse(request) > Quantity.Parse(limit))
                {
                    faults.Add($"{process.Name}: {resource} request {request} exceeds its limit {limit}");
                }
            }
        }

        Assert.Empty(faults);
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_process_runs_as_non_root_on_a_read_only_root_filesystem_without_privileges(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var pod = manifest.Deployment(process.Name).At("spec", "template", "spec")!.Value;
            var container = Manifest.Container(manifest.Deployment(process.Name));
            bool? Effective(params string[] path) =>
                (container.At(["securityContext", .. path]) ?? pod.At(["securityContext", .. path]))?.GetBoolean();
            var user = container.Text("securityContext", "runAsUser") ?? pod.Text("securityContext", "runAsUser");
            var seccomp = container.Text("securityContext", "seccompProfile", "type") ?? pod.Text("securityContext", "seccompProfile", "type");

            if (Effective("runAsNonRoot") != true || user == "0")
            {
                faults.Add($"{process.Name}: not forced to run as a non-root user (runAsNonRoot, runAsUser {user})");
            }

            if (container.At("securityContext", "readOnlyRootFilesystem")?.GetBoolean() != true)
            {
                faults.Add($"{process.Name}: root filesystem is writable");
            }

            if (container.At("securityContext", "allowPrivilegeEscalation")?.GetBoolean() != false || container.At("securityContext", "privileged")?.GetBoolean() == true)
            {
                faults.Add($"{process.Name}: may gain privileges");
            }

            if (!container.Each("securityContext", "capabilities", "drop").Any(c => c.GetString() == "ALL"))
            {
                faults.Add($"{process.Name}: keeps Linux capabilities");
            }

            if (seccomp != "RuntimeDefault")
            {
                faults.Add($"{process.Name}: seccomp profile is {seccomp ?? "unset"}");
            }

            var tmp = container.Each("volumeMounts").FirstOrDefault(m => m.Text("mountPath") == "/tmp");
            if (tmp.ValueKind == JsonValueKind.Undefined || pod.Each("volumes").Single(v => v.Text("name") == tmp.Text("name")).At("emptyDir") is null)
            {
                faults.Add($"{process.Name}: no emptyDir at /tmp for what the runtime writes there");
            }
        }

        Assert.Empty(faults);
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_platform_image_is_built_by_a_Dockerfile_in_the_repository(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        string[] upstream = ["rabbitmq", "mongo", "jaegertracing/all-in-one"];
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var image = Manifest.Container(manifest.Deployment(process.Name)).Text("image")!;
            if (PlatformProcesses.ProcessOfImage(image) != process.Name)
            {
                faults.Add($"{process.Name} runs {image}, not an image of {PlatformProcesses.ImageNamespace}/{process.Name}");
            }
        }

        foreach (var image in Images(manifest))
        {
            var process = PlatformProcesses.ProcessOfImage(image);
            if (process is null)
            {
                if (!upstream.Contains(image.Split(':')[0].Split('@')[0]))
                {
                    faults.Add($"{image} is neither a platform image nor a known upstream one");
                }
            }
            else if (PlatformProcesses.All.All(p => p.Name != process))
            {
                faults.Add($"{image} names no platform process");
            }
            else if (!File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, PlatformProcesses.Named(process).Dockerfile)))
            {
                faults.Add($"{image} has no Dockerfile at {PlatformProcesses.Named(process).Dockerfile}");
            }
        }

        Assert.Empty(faults);
    }

    [KubectlTheory]
    [MemberData(nameof(Manifest.Overlays), MemberType = typeof(Manifest))]
    public void Every_setting_a_process_requires_is_provided_and_every_file_it_names_is_mounted(string overlay)
    {
        var manifest = Manifest.Of(overlay);
        var faults = new List<string>();
        foreach (var process in PlatformProcesses.All)
        {
            var deployment = manifest.Deployment(process.Name);
            var container = Manifest.Container(deployment);
            var settings = KubernetesSettings.Of(manifest, container);
            faults.AddRange(process.RequiredSettings
                .Where(name => !settings.TryGetValue(name, out var setting) || !setting.IsProvided)
                .Select(name => $"{process.Name}: {name} is not provided"));
            foreach (var name in process.FileSettings.Where(settings.ContainsKey))
            {
                var path = settings[name].Value ?? string.Empty;
                if (KubernetesSettings.MountOf(deployment.At("spec", "template", "spec")!.Value, container, path) is null)
                {
                    faults.Add($"{process.Name}: {name} names {path}, which nothing mounts");
                }
            }

            if (settings.TryGetValue("ASPNETCORE_HTTP_PORTS", out var port) && port.Value != PortNumber(container, "http"))
            {
                faults.Add($"{process.Name}: listens on {port.Value} but its container port is {PortNumber(container, "http")}");
            }

            foreach (var address in settings.Values.Where(s => s.Name.StartsWith("Services__", StringComparison.Ordinal)))
            {
                var target = address.Name["Services__".Length..];
                var uri = new Uri(address.Value ?? "about:blank");
                var service = manifest.Find("Service", target);
                if (uri.Host != target || service is null || !service.Value.Each("spec", "ports").Any(p => p.Text("port") == uri.Port.ToString()))
                {
                    faults.Add($"{process.Name}: {address.Name}={address.Value} is not the {target} Service and its port");
                }
            }
        }

        Assert.Empty(faults);
    }

    private static string? PortNumber(JsonElement container, string? port) =>
        container.Each("ports").Where(p => p.Text("name") == port || p.Text("containerPort") == port).Select(p => p.Text("containerPort")).FirstOrDefault();

    private static IEnumerable<string> Images(Manifest manifest) =>
        manifest.Objects
            .Where(o => o.Kind() is "Deployment" or "StatefulSet" or "DaemonSet" or "Job")
            .SelectMany(o => o.Each("spec", "template", "spec", "containers").Concat(o.Each("spec", "template", "spec", "initContainers")))
            .Select(c => c.Text("image")!);
}
