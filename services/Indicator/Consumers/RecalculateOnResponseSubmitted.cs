using System.Diagnostics;
using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Indicator.Consumers;

/// <summary>
/// Keeps this service's copy of the answers (latest version wins) and marks their rounds for recalculation.
/// Responses are taken in batches of what has arrived (<see cref="Options"/>): a burst of responses to one round
/// then costs one write of the round's state per batch instead of one per response, all contending for the same
/// document. The batch is acknowledged only when this returns, that is after every write is stored: the
/// recalculation it asks for is then recorded durably (the round's dirty flag), so any replica does it even if this
/// one dies before recalculating, and a replica that dies before the writes gets the batch redelivered to another.
/// </summary>
public sealed class RecalculateOnResponseSubmitted(AnswerStore answers, RoundStates rounds, RecalculationSignal recalculation)
    : IConsumer<Batch<ResponseSubmitted>>
{
    /// <summary>
    /// At most 100 responses, gathered for at most 20 ms after the first: a lone response waits no longer than
    /// that, and the recalculation waits for a quiet time of its own anyway.
    /// </summary>
    public static void Options(BatchOptions options) => options
        .SetMessageLimit(100)
        .SetTimeLimit(TimeSpan.FromMilliseconds(20))
        .SetConcurrencyLimit(2);

    /// <summary>Enough unacknowledged messages on hand to fill both batches at once.</summary>
    public const int Prefetch = 200;

    public async Task Consume(ConsumeContext<Batch<ResponseSubmitted>> context)
    {
        var ct = context.CancellationToken;
        var traced = context.Message.Select(Keep).ToList();

        // Versions of one organisation one after another, organisations side by side: their writes share commits.
        await Task.WhenAll(traced.GroupBy(t => (t.Response.RoundId, t.Response.Organisation.Id)).Select(async versions =>
        {
            foreach (var (response, activity) in versions)
            {
                using (activity)
                {
                    await answers.KeepLatestAsync(response, ct);
                }
            }
        }));

        // Marked dirty even when nothing changed: a redelivery after a crash between these writes must still
        // recalculate, and an unchanged round recalculates to the same calculation, stored only once.
        foreach (var round in traced.GroupBy(t => t.Response.RoundId, StringComparer.Ordinal))
        {
            var responses = await answers.CountAsync(round.Key, ct);
            var traces = round.Select(t => t.Activity?.Id).OfType<string>().ToList();
            await rounds.MarkDirtyAsync([.. round.Select(t => t.Response)], responses, traces, ct);
        }

        recalculation.Wake();
    }

    /// <summary>
    /// A span per response in the trace of the request that submitted it, so that every submission is still followed
    /// into the recalculation it waits for, although one batch carries many of them.
    /// </summary>
    private static (ResponseSubmitted Response, Activity? Activity) Keep(ConsumeContext<ResponseSubmitted> message)
    {
        var response = message.Message;
        var batch = Activity.Current;
        var activity = PlatformTelemetry.Source.StartActivity("keep answers", ActivityKind.Consumer, MessageTrace.Of(message));
        // Not the current activity: the batch's writes run under the batch's own span.
        Activity.Current = batch;
        activity?.SetTag("platform.round", response.RoundId);
        activity?.SetTag("platform.organisation", response.Organisation.Id);
        activity?.SetTag("platform.version", response.Version);
        return (response, activity);
    }
}
