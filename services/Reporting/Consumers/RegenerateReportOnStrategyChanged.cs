using System.Diagnostics;
using MassTransit;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Regeneration;

namespace VisionEHalsa.Reporting.Consumers;

/// <summary>Keeps the highest strategy version and marks every report year; years whose part of the strategy did not change get no new edition.</summary>
public sealed class RegenerateReportOnStrategyChanged(
    Strategies strategies,
    ReportYears years,
    RegenerationSignal signal,
    ILogger<RegenerateReportOnStrategyChanged> logger) : IConsumer<StrategyChanged>
{
    public async Task Consume(ConsumeContext<StrategyChanged> context)
    {
        var change = context.Message;
        Activity.Current?.SetTag("platform.strategy.version", change.Version);
        if (!await strategies.KeepHighestAsync(change, context.CancellationToken))
        {
            logger.LogInformation("Ignored strategy version {Version}: a higher one is stored", change.Version);
            return;
        }

        await years.MarkAllAsync(context.CancellationToken);
        signal.Notify();
    }
}
