using Microsoft.Extensions.Logging.Abstractions;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Regeneration;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

/// <summary>Replicas of the reporting service on one store: which calculation wins, and how editions are numbered.</summary>
public sealed class ReplicaTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_calculation_with_the_higher_sequence_wins_whatever_its_watermark_and_arrival()
    {
        using var store = NewStore("sequence");
        var calculations = new Calculations(store);
        var (year, round, now) = (NewYear(), NewRound(), DateTimeOffset.UtcNow);
        var newer = Calculation(year, round, now, 290, Riket("DIGPLAN", 203, 290)) with { BasedOn = new CalculationBasis(290, now, Sequence: 7) };
        // Made earlier by a slower replica, but relayed later and with a later run time.
        var older = Calculation(year, round, now.AddSeconds(5), 290, Riket("DIGPLAN", 200, 290)) with
        {
            BasedOn = new CalculationBasis(290, now.AddSeconds(5), Sequence: 6),
            CalculatedAt = now.AddMinutes(1),
        };

        Assert.True(await calculations.KeepLatestAsync(newer, None));
        Assert.False(await calculations.KeepLatestAsync(older, None));

        Assert.Equal(newer.CalculationId, Assert.Single(await calculations.ForYearAsync(year, None)).CalculationId);
    }

    [Fact]
    public async Task Two_replicas_generating_one_year_at_once_number_editions_once_each_and_never_twice_from_the_same_inputs()
    {
        var file = Path.Combine(TestEnvironment.NewDataDirectory("reporting-replicas"), "reporting.db");
        using var first = new LiteDbDocumentStore(file, shared: true);
        using var second = new LiteDbDocumentStore(file, shared: true);
        var replicas = new[] { Generator(first), Generator(second) };
        var calculations = new Calculations(first);
        var (year, round, now) = (NewYear(), NewRound(), DateTimeOffset.UtcNow);

        for (var step = 1; step <= 4; step++)
        {
            var calculation = Calculation(year, round, now.AddSeconds(step), 10 * step, Riket("DIGPLAN", step, 10 * step)) with
            {
                BasedOn = new CalculationBasis(10 * step, now.AddSeconds(step), Sequence: step),
            };
            await calculations.KeepLatestAsync(calculation, None);

            // Both replicas see the new calculation and generate at the same moment, twice over.
            await Task.WhenAll(replicas.Concat(replicas).Select(r => r.GenerateAsync(year, None)));
        }

        var editions = await new ReportEditions(second, new OutboxSignal()).ListAsync(year, None);
        Assert.Equal([4, 3, 2, 1], editions.Select(e => e.Edition));
        Assert.Equal(editions.Count, editions.Select(e => string.Join(' ', e.BasedOn.CalculationIds)).Distinct().Count());
        Assert.Equal([4L, 3, 2, 1], editions.Select(e => Assert.Single(e.Used!).BasedOn.Sequence!.Value));
    }

    [Fact]
    public void Inputs_older_than_what_the_latest_edition_used_are_refused()
    {
        var (year, round, now) = (NewYear(), NewRound(), DateTimeOffset.UtcNow);
        var used = new CalculationUsed(round, $"{round}-new", new CalculationBasis(290, now, Sequence: 5), now);
        var latest = new ReportEdition(ReportEdition.IdFor(year, 3), year, 3, EditionStatus.Draft, now, new ReportBasis([used.CalculationId], 1), "x",
            [], null, null, 2, 0, null, null, true, null, [used]);
        var older = Calculation(year, round, now, 280, Riket("DIGPLAN", 1, 280)) with { BasedOn = new CalculationBasis(280, now, Sequence: 4) };
        var newer = Calculation(year, round, now, 290, Riket("DIGPLAN", 1, 290)) with { BasedOn = new CalculationBasis(290, now, Sequence: 6) };

        Assert.NotNull(EditionGenerator.OlderInput(latest, Inputs(year, older)));
        Assert.Null(EditionGenerator.OlderInput(latest, Inputs(year, newer)));
    }

    private static ReportInputs Inputs(int year, IndicatorsRecalculated calculation) =>
        new(year, [StoredCalculation.From(calculation, 1)], [], new StoredStrategy("current", 1, DateTimeOffset.UtcNow, new StrategySnapshot(Vision, [])), []);

    private static EditionGenerator Generator(IDocumentStore store) =>
        new(new Calculations(store), new Strategies(store), new Rounds(store), new ReportEditions(store, new OutboxSignal()), TimeProvider.System,
            NullLogger<EditionGenerator>.Instance);

    private static LiteDbDocumentStore NewStore(string name) =>
        new(Path.Combine(TestEnvironment.NewDataDirectory("reporting-" + name), "reporting.db"));
}
