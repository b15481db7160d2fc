using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VisionEHalsa.ServiceDefaults.Telemetry;

/// <summary>The platform's own spans; ASP.NET Core, HttpClient and MassTransit add theirs.</summary>
public static class PlatformTelemetry
{
    public const string Name = "VisionEHalsa";

    public static readonly ActivitySource Source = new(Name);
}

public static class PlatformMetrics
{
    public static readonly Meter Meter = new(PlatformTelemetry.Name);

    public static readonly Counter<long> OutboxRelayed = Meter.CreateCounter<long>("platform.outbox.relayed", description: "Events relayed from the outbox and confirmed by the broker");
}
