using System.Diagnostics;
using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Strategy.Indicators;

namespace VisionEHalsa.Strategy.Consumers;

/// <summary>
/// Keeps the round's latest calculation: its indicator codes become known to target validation and its
/// national values feed the target statuses. An older or repeated calculation changes nothing.
/// </summary>
public sealed class KeepIndicatorValuesOnIndicatorsRecalculated(
    IndicatorValues values,
    ILogger<KeepIndicatorValuesOnIndicatorsRecalculated> logger) : IConsumer<IndicatorsRecalculated>
{
    public async Task Consume(ConsumeContext<IndicatorsRecalculated> context)
    {
        var calculation = context.Message;
        Activity.Current?.SetTag("platform.round", calculation.RoundId);
        Activity.Current?.SetTag("platform.calculation", calculation.CalculationId);
        if (!await values.KeepLatestAsync(calculation, context.CancellationToken))
        {
            logger.LogInformation("Ignored calculation {Calculation} of round {Round}: a newer one is stored", calculation.CalculationId, calculation.RoundId);
        }
    }
}
