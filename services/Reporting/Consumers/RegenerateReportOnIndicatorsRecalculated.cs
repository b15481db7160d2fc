using System.Diagnostics;
using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Regeneration;

namespace VisionEHalsa.Reporting.Consumers;

/// <summary>
/// Keeps the round's latest calculation and marks its year for regeneration, and the later years whose series
/// include it; older runs change nothing.
/// </summary>
public sealed class RegenerateReportOnIndicatorsRecalculated(
    Calculations calculations,
    ReportYears years,
    RegenerationSignal signal,
    ILogger<RegenerateReportOnIndicatorsRecalculated> logger) : IConsumer<IndicatorsRecalculated>
{
    public async Task Consume(ConsumeContext<IndicatorsRecalculated> context)
    {
        var calculation = context.Message;
        Activity.Current?.SetTag("platform.round", calculation.RoundId);
        Activity.Current?.SetTag("platform.calculation", calculation.CalculationId);
        if (!await calculations.KeepLatestAsync(calculation, context.CancellationToken))
        {
            logger.LogInformation("Ignored calculation {Calculation} of round {Round}: a newer one is stored", calculation.CalculationId, calculation.RoundId);
            return;
        }

        // Marked even for a redelivered duplicate: the first delivery may have stopped before marking.
        await years.MarkAsync(calculation.Year, context.CancellationToken);
        await years.MarkLaterAsync(calculation.Year, calculation.Year + ReportInputs.SeriesYears - 1, context.CancellationToken);
        signal.Notify();
    }
}
