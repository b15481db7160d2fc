using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Calculations;

namespace VisionEHalsa.Indicator.Consumers;

/// <summary>
/// Keeps this service's copy of the answers (latest version wins) and marks the round for recalculation.
/// The message is acknowledged only when this returns, that is after both writes are stored: the recalculation
/// it asks for is then recorded durably (the round's dirty flag), so any replica does it even if this one dies
/// before recalculating, and a replica that dies before the writes gets the message redelivered to another.
/// </summary>
public sealed class RecalculateOnResponseSubmitted(AnswerStore answers, RoundStates rounds, RecalculationSignal recalculation)
    : IConsumer<ResponseSubmitted>
{
    public async Task Consume(ConsumeContext<ResponseSubmitted> context)
    {
        var response = context.Message;
        await answers.KeepLatestAsync(response, context.CancellationToken);

        // Marked dirty even when nothing changed: a redelivery after a crash between these two writes must
        // still recalculate, and an unchanged round recalculates to the same calculation, stored only once.
        var responses = await answers.CountAsync(response.RoundId, context.CancellationToken);
        await rounds.MarkDirtyAsync(response, responses, context.CancellationToken);
        recalculation.Wake();
    }
}
