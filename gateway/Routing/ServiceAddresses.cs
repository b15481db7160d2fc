namespace VisionEHalsa.Gateway.Routing;

/// <summary>Where a service listens: <c>Services:{service}</c>, else its cluster's destination in the routes.</summary>
public static class ServiceAddresses
{
    public static Uri? Of(IConfiguration configuration, string service)
    {
        var address = configuration[$"Services:{service}"] ?? configuration[$"ReverseProxy:Clusters:{service}:Destinations:primary:Address"];
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null;
    }
}
