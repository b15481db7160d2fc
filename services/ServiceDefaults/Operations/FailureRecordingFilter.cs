using System.Diagnostics;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VisionEHalsa.ServiceDefaults.Operations;

public static class FailureRecordingExtensions
{
    /// <summary>
    /// The endpoint's error pipe: record the failure in the service's store, then do what MassTransit does by
    /// default (<c>ConfigureDefaultErrorTransport</c>): publish the fault and move the message to <c>{queue}_error</c>.
    /// </summary>
    public static void RecordFailures(this IReceiveEndpointConfigurator endpoint, IServiceProvider services, string queue)
    {
        var filter = new FailureRecordingFilter(
            services.GetRequiredService<FailureLog>(), queue, services.GetRequiredService<ILogger<FailureRecordingFilter>>());
        endpoint.ConfigureError(x =>
        {
            x.UseFilter(filter);
            x.UseFilter(new GenerateFaultFilter());
            x.UseFilter(new ErrorTransportFilter());
        });
    }
}

/// <summary>Records a message that failed after its retries. Never throws: the message goes on to its error queue.</summary>
public sealed class FailureRecordingFilter(FailureLog log, string queue, ILogger<FailureRecordingFilter> logger) : IFilter<ExceptionReceiveContext>
{
    // A store that does not answer must not hold the message in the error pipe for the driver's own timeout.
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        try
        {
            var failure = FailureCapture.From(context, log.Service, queue, Activity.Current);
            FailureLog.MessagesFailed.Add(1,
                new KeyValuePair<string, object?>("service", log.Service),
                new KeyValuePair<string, object?>("messageType", failure.MessageType));
            logger.LogError(context.Exception, "{MessageType} {MessageId} failed on {Queue} after {Attempts} attempts; it goes to the error queue as failure {FailureId}",
                failure.MessageType, failure.MessageId, queue, failure.Attempts, failure.Id);
            using var timeout = new CancellationTokenSource(StoreTimeout);
            await log.RecordAsync(failure, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A failed message on {Queue} could not be recorded; it still goes to the error queue", queue);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("recordFailure");
}
