namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>This process, as claims and leases in a store name it: unique per start, so a restarted service is another instance.</summary>
public static class ProcessInstance
{
    public static string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
