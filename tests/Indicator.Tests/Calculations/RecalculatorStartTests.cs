using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.Tests.Service;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Indicator.Tests.Calculations;

public class RecalculatorStartTests
{
    [Fact]
    public async Task A_round_left_dirty_by_a_stopped_service_is_recalculated_when_it_starts_again()
    {
        var now = DateTimeOffset.UtcNow;
        using var store = new LiteDbDocumentStore(Path.Combine(TestEnvironment.NewDataDirectory("indicator-restart"), "indicator.db"));
        var (definitions, answers, rounds) = (new DefinitionStore(store), new AnswerStore(store), new RoundStates(store));
        var calculations = new CalculationStore(store, new OutboxSignal());

        // What the stopped process left: a definition, two responses and a dirty round, but no calculation yet.
        var draft = DefinitionRules.Check(new DefineIndicator("DIGPLAN", "Digitaliseringsplan", "ehalsa", "share", "DIGPLAN == true")).Draft;
        await definitions.AddVersionAsync(draft!, now, "test", CancellationToken.None);
        foreach (var (kommun, plan) in new[] { ("0180", true), ("0181", false) })
        {
            var response = new ResponseSubmitted("round-restart", "ehalsa", 2025,
                IndicatorServiceFixture.Kommun(kommun, $"Kommun {kommun}", "01", "Stockholms län", "A1"), 1, now,
                new Dictionary<string, JsonElement> { ["DIGPLAN"] = JsonSerializer.SerializeToElement(plan) });
            await answers.KeepLatestAsync(response, CancellationToken.None);
            await rounds.MarkDirtyAsync(response, await answers.CountAsync("round-restart", CancellationToken.None), CancellationToken.None);
        }

        var recalculator = new Recalculator(rounds, answers, definitions, calculations, new RecalculationSignal(), TimeProvider.System,
            Options.Create(new RecalculationOptions()), NullLogger<Recalculator>.Instance);
        await recalculator.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(async () => await rounds.GetAsync("round-restart", CancellationToken.None) is { Dirty: false },
                TimeSpan.FromSeconds(20), "the dirty round was not recalculated after the start");
        }
        finally
        {
            await recalculator.StopAsync(CancellationToken.None);
        }

        var round = await rounds.GetAsync("round-restart", CancellationToken.None);
        var calculation = await calculations.GetAsync(round!.LastCalculationId!, CancellationToken.None);
        Assert.NotNull(calculation);
        Assert.Equal(new CalculationBasis(2, now, Sequence: 1), calculation.BasedOn);
        Assert.Equal(50, Assert.Single(calculation.Values, v => v.Level == IndicatorLevels.Riket).Value);
        Assert.False(calculation.Relayed);
        Assert.Equal(calculation.Id, calculation.ToEvent().CalculationId);
    }
}
