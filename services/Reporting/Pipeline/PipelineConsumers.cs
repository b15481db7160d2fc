using MassTransit;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Pipeline;

/// <summary>Follows every accepted response, so an operator can ask where it is.</summary>
public sealed class TrackPipelineOnResponseSubmitted(PipelineTrail trail) : IConsumer<ResponseSubmitted>
{
    public Task Consume(ConsumeContext<ResponseSubmitted> context) => trail.ResponseAcceptedAsync(context.Message, context.CancellationToken);
}

/// <summary>Follows every calculation, so a response can be matched with the first one that included it.</summary>
public sealed class TrackPipelineOnIndicatorsRecalculated(PipelineTrail trail) : IConsumer<IndicatorsRecalculated>
{
    public Task Consume(ConsumeContext<IndicatorsRecalculated> context) => trail.CalculationReceivedAsync(context.Message, context.CancellationToken);
}
