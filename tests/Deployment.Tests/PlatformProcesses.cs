namespace VisionEHalsa.Deployment.Tests;

/// <summary>
/// One of the platform's five processes: the settings it cannot start without, which of them name
/// files that must be mounted, and where its image is built.
/// </summary>
public sealed record PlatformProcess(string Name, bool Scales, IReadOnlyList<string> RequiredSettings, IReadOnlyList<string> FileSettings)
{
    public string AssemblyName => char.ToUpperInvariant(Name[0]) + Name[1..];

    public string ProjectFolder => Name == "gateway" ? "gateway" : $"services/{AssemblyName}";

    /// <summary>The image vision-ehalsa/{name} is built by {project folder}/Dockerfile (docs/deployment.md).</summary>
    public string Dockerfile => $"{ProjectFolder}/Dockerfile";
}

public static class PlatformProcesses
{
    public const string ImageNamespace = "vision-ehalsa";
    public const string HttpPort = "8080";

    private static readonly string[] Everyone = ["ASPNETCORE_HTTP_PORTS", "OTEL_EXPORTER_OTLP_ENDPOINT"];
    private static readonly string[] Service = [.. Everyone, "RABBITMQ_URI", "MONGODB_URI", "Auth__PublicKeyPath"];

    public static readonly IReadOnlyList<PlatformProcess> All =
    [
        new("survey", Scales: true, Service, ["Auth__PublicKeyPath"]),
        new("indicator", Scales: true, [.. Service, "Services__survey"], ["Auth__PublicKeyPath"]),
        new("strategy", Scales: false, Service, ["Auth__PublicKeyPath"]),
        new("reporting", Scales: true, Service, ["Auth__PublicKeyPath"]),
        new("gateway", Scales: true,
            [.. Everyone, "Auth__SigningKeyPath", "Auth__ClientsFile", "Services__survey", "Services__indicator", "Services__strategy", "Services__reporting"],
            ["Auth__SigningKeyPath", "Auth__ClientsFile"]),
    ];

    public static PlatformProcess Named(string name) => All.Single(p => p.Name == name);

    public static TheoryData<string> Names() => [.. All.Select(p => p.Name)];

    /// <summary>
    /// The process whose image this is: <c>[registry/]vision-ehalsa/{process}[:tag][@digest]</c>, or null
    /// for an image the platform does not build (RabbitMQ, MongoDB, Jaeger).
    /// </summary>
    public static string? ProcessOfImage(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var tag = withoutDigest.IndexOf(':', lastSlash + 1);
        var repository = tag < 0 ? withoutDigest : withoutDigest[..tag];
        var segments = repository.Split('/');
        return segments.Length >= 2 && segments[^2] == ImageNamespace ? segments[^1] : null;
    }
}
