using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;

namespace VisionEHalsa.Indicator.Consumers;

/// <summary>A closed round gets a final recalculation.</summary>
public sealed class RecalculateOnSurveyRoundClosed(RoundStates rounds, RecalculationSignal recalculation) : IConsumer<SurveyRoundClosed>
{
    public async Task Consume(ConsumeContext<SurveyRoundClosed> context)
    {
        await rounds.MarkClosedAsync(context.Message, context.CancellationToken);
        recalculation.Wake();
    }
}
