using System.Diagnostics;
using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Regeneration;

namespace VisionEHalsa.Reporting.Consumers;

/// <summary>
/// Keeps how many organisations a round expects, for the report's response rates, and marks its year: an
/// opening that arrives after the round's first calculation still reaches the report.
/// </summary>
public sealed class RememberRoundOnSurveyRoundOpened(Rounds rounds, ReportYears years, RegenerationSignal signal) : IConsumer<SurveyRoundOpened>
{
    public async Task Consume(ConsumeContext<SurveyRoundOpened> context)
    {
        Activity.Current?.SetTag("platform.round", context.Message.RoundId);
        await rounds.RememberAsync(context.Message, context.CancellationToken);
        await years.MarkAsync(context.Message.Year, context.CancellationToken);
        signal.Notify();
    }
}
