using System.Text.Json;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Security.Tests;

/// <summary>A gateway route as appsettings.json declares it.</summary>
public sealed record GatewayRoute(string Id, string Cluster, string Policy, string Path, IReadOnlyList<string>? Methods, string? PathPattern)
{
    private const string CatchAll = "/{**rest}";

    public bool HasCatchAll => Path.EndsWith(CatchAll, StringComparison.Ordinal);

    public bool Matches(string method, string path)
    {
        if (Methods is { } methods && !methods.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (HasCatchAll)
        {
            var prefix = Path[..^CatchAll.Length];
            return path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);
        }

        var pattern = Path.Split('/');
        var actual = path.Split('/');
        return pattern.Length == actual.Length && pattern.Zip(actual).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }
}

/// <summary>What the processes say they serve: their OpenAPI documents, and the gateway's route config.</summary>
public static class ApiInventory
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<IReadOnlyList<Endpoint>> EndpointsAsync(PlatformProcesses processes)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var endpoints = new List<Endpoint>();
        foreach (var process in PlatformProcesses.Services.Append("gateway"))
        {
            var document = JsonNode.Parse(await http.GetStringAsync(new Uri(processes.Address(process), "/openapi/v1.json")))!;
            foreach (var (path, operations) in document["paths"]!.AsObject())
            {
                endpoints.AddRange(operations!.AsObject()
                    .Where(o => Methods.Contains(o.Key))
                    .Select(o => new Endpoint(process, o.Key.ToUpperInvariant(), Normalise(path))));
            }
        }

        return endpoints.Distinct().ToList();
    }

    public static IReadOnlyList<GatewayRoute> Routes()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "gateway.appsettings.json")));
        return settings.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject().Select(route =>
        {
            var match = route.Value.GetProperty("Match");
            var methods = match.TryGetProperty("Methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!).ToList() : null;
            var pattern = route.Value.TryGetProperty("Transforms", out var transforms)
                ? transforms.EnumerateArray().Select(t => t.TryGetProperty("PathPattern", out var p) ? p.GetString() : null).FirstOrDefault(p => p is not null)
                : null;
            return new GatewayRoute(route.Name, route.Value.GetProperty("ClusterId").GetString()!, route.Value.GetProperty("AuthorizationPolicy").GetString()!,
                match.GetProperty("Path").GetString()!, methods, pattern);
        }).ToList();
    }

    /// <summary>The route a request takes: as in ASP.NET routing, a pattern without a catch-all wins over one with it.</summary>
    public static GatewayRoute? RouteOf(IReadOnlyList<GatewayRoute> routes, string method, string path)
    {
        var matching = routes.Where(r => r.Matches(method, path)).ToList();
        var exact = matching.Where(r => !r.HasCatchAll).ToList();
        var chosen = exact.Count > 0 ? exact : matching;
        return chosen.Count == 1 ? chosen[0] : null;
    }

    /// <summary>Where a service's endpoint is at the gateway, or null when the gateway does not route it (the audit log: the gateway merges it).</summary>
    public static string? GatewayPath(Endpoint endpoint, string path) => endpoint switch
    {
        { Process: "gateway" } => path,
        { Path: "/api/v1/audit" } => null,
        _ when path.StartsWith("/api/v1/ops/", StringComparison.Ordinal) => $"/api/v1/ops/{endpoint.Process}/{path["/api/v1/ops/".Length..]}",
        _ => path,
    };

    private static string Normalise(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
