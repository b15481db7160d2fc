using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Reporting.Pipeline;

/// <summary>
/// Follows every accepted response, so an operator can ask where it is. Responses are taken in batches, as the
/// indicator service takes them: a burst writes each round's trail once per batch, not once per response.
/// </summary>
public sealed class TrackPipelineOnResponseSubmitted(PipelineTrail trail) : IConsumer<Batch<ResponseSubmitted>>
{
    public const int Prefetch = 200;

    public static void Options(BatchOptions options) => options
        .SetMessageLimit(100)
        .SetTimeLimit(TimeSpan.FromMilliseconds(20))
        .SetConcurrencyLimit(2);

    public Task Consume(ConsumeContext<Batch<ResponseSubmitted>> context) =>
        trail.ResponsesAcceptedAsync([.. context.Message.Select(m => (m.Message, (string?)MessageTrace.Of(m).TraceId.ToString()))], context.CancellationToken);
}

/// <summary>Follows every calculation, so a response can be matched with the first one that included it.</summary>
public sealed class TrackPipelineOnIndicatorsRecalculated(PipelineTrail trail) : IConsumer<IndicatorsRecalculated>
{
    public Task Consume(ConsumeContext<IndicatorsRecalculated> context) => trail.CalculationReceivedAsync(context.Message, context.CancellationToken);
}
