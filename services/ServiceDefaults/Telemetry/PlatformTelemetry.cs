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

    public static readonly Counter<long> OutboxFailures = Meter.CreateCounter<long>("platform.outbox.failures", description: "Relay attempts that failed (broker or store unavailable) and will be retried");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<(long Backlog, double AgeSeconds)>> Outboxes = new();

    static PlatformMetrics()
    {
        Meter.CreateObservableGauge("platform.outbox.backlog", () => Outboxes.Select(o =>
            new Measurement<long>(o.Value().Backlog, new KeyValuePair<string, object?>("document", o.Key))), description: "Accepted events not yet confirmed by the broker");
        Meter.CreateObservableGauge("platform.outbox.age", () => Outboxes.Select(o =>
            new Measurement<double>(o.Value().AgeSeconds, new KeyValuePair<string, object?>("document", o.Key))), unit: "s", description: "How long the oldest unrelayed event has waited");
    }

    /// <summary>Lets a relay report its backlog and the age of its oldest waiting event.</summary>
    public static void ObserveOutbox(string document, Func<(long Backlog, double AgeSeconds)> observe) => Outboxes[document] = observe;
}
