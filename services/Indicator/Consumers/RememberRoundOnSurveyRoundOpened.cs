using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;

namespace VisionEHalsa.Indicator.Consumers;

/// <summary>Remembers which questionnaire and year a round is, so its responses are calculated with the right indicators.</summary>
public sealed class RememberRoundOnSurveyRoundOpened(RoundStates rounds) : IConsumer<SurveyRoundOpened>
{
    public Task Consume(ConsumeContext<SurveyRoundOpened> context) =>
        rounds.RememberAsync(context.Message, context.CancellationToken);
}
