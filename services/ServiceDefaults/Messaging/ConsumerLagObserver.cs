using System.Diagnostics.Metrics;
using MassTransit;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.ServiceDefaults.Messaging;

/// <summary>How long each message waited between being sent and being consumed: the consumer lag operators watch.</summary>
internal sealed class ConsumerLagObserver : IConsumeObserver
{
    private static readonly Histogram<double> Lag = PlatformMetrics.Meter.CreateHistogram<double>(
        "platform.consumer.lag", unit: "s", description: "Time from a message being sent to its consumer starting on it");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.SentTime is { } sent)
        {
            Lag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), new KeyValuePair<string, object?>("messageType", typeof(T).Name));
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
