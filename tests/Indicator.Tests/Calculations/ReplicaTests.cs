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

/// <summary>Replicas of the indicator service on one store: claims, sequences and who wins.</summary>
public class ReplicaTests
{
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_round_claimed_by_one_replica_is_left_to_it_until_the_claim_runs_out()
    {
        using var store = NewStore("claims");
        var rounds = new RoundStates(store);
        var now = DateTimeOffset.UtcNow;
        await rounds.MarkDirtyAsync(Response("round-claims", "0180", 1, now), 1, None);

        var first = await rounds.TryClaimAsync("round-claims", "replica-a", now, Claim, None);
        var meanwhile = await rounds.TryClaimAsync("round-claims", "replica-b", now.AddSeconds(29), Claim, None);
        var afterwards = await rounds.TryClaimAsync("round-claims", "replica-b", now.AddSeconds(31), Claim, None);

        Assert.Equal((1L, "replica-a"), (first!.Sequence, first.ClaimedBy));
        Assert.Null(meanwhile);
        Assert.Equal((2L, "replica-b"), (afterwards!.Sequence, afterwards.ClaimedBy));
    }

    [Fact]
    public async Task In_a_store_one_process_owns_a_claim_left_by_an_ended_process_does_not_hold_up_the_round()
    {
        using var store = NewStore("sole", shared: false);
        var rounds = new RoundStates(store);
        var now = DateTimeOffset.UtcNow;
        await rounds.MarkDirtyAsync(Response("round-sole", "0180", 1, now), 1, None);

        // The claim of a process killed mid-recalculation; the restarted process has another replica id.
        await rounds.TryClaimAsync("round-sole", "killed", now, Claim, None);
        var restarted = await rounds.TryClaimAsync("round-sole", "restarted", now.AddSeconds(1), Claim, None);

        Assert.Equal((2L, "restarted"), (restarted!.Sequence, restarted.ClaimedBy));
    }

    [Fact]
    public async Task A_calculation_finished_late_under_an_older_claim_never_replaces_a_newer_one()
    {
        using var store = NewStore("late");
        var rounds = new RoundStates(store);
        var now = DateTimeOffset.UtcNow;
        await rounds.MarkDirtyAsync(Response("round-late", "0180", 1, now), 1, None);
        var slow = await rounds.TryClaimAsync("round-late", "replica-a", now, Claim, None);
        var fast = await rounds.TryClaimAsync("round-late", "replica-b", now.AddSeconds(40), Claim, None);

        Assert.True(await rounds.FinishAsync(fast!, "calculation-2", now.AddSeconds(41), None));
        Assert.False(await rounds.FinishAsync(slow!, "calculation-1", now.AddSeconds(42), None));

        var round = await rounds.GetAsync("round-late", None);
        Assert.Equal(("calculation-2", 2L, false, null), (round!.LastCalculationId, round.LastSequence, round.Dirty, round.ClaimedBy));
    }

    [Fact]
    public async Task A_round_marked_during_a_recalculation_stays_dirty_and_its_next_claim_has_a_higher_sequence()
    {
        using var store = NewStore("marked");
        var rounds = new RoundStates(store);
        var now = DateTimeOffset.UtcNow;
        await rounds.MarkDirtyAsync(Response("round-marked", "0180", 1, now), 1, None);
        var claimed = await rounds.TryClaimAsync("round-marked", "replica-a", now, Claim, None);

        await rounds.MarkDirtyAsync(Response("round-marked", "0181", 1, now.AddSeconds(1)), 2, None);
        Assert.False(await rounds.FinishAsync(claimed!, "calculation-1", now, None));

        var round = await rounds.GetAsync("round-marked", None);
        Assert.Equal((true, null, "calculation-1"), (round!.Dirty, round.ClaimedBy, round.LastCalculationId));
        var next = await rounds.TryClaimAsync("round-marked", "replica-b", now, Claim, None);
        Assert.Equal(2, next!.Sequence);
    }

    [Fact]
    public async Task A_replica_whose_claim_was_taken_over_no_longer_holds_the_round()
    {
        using var store = NewStore("taken");
        var rounds = new RoundStates(store);
        var now = DateTimeOffset.UtcNow;
        await rounds.MarkDirtyAsync(Response("round-taken", "0180", 1, now), 1, None);
        var slow = await rounds.TryClaimAsync("round-taken", "replica-a", now, Claim, None);
        Assert.True(await rounds.HoldsAsync(slow!, None));

        var fast = await rounds.TryClaimAsync("round-taken", "replica-b", now.AddSeconds(40), Claim, None);

        Assert.False(await rounds.HoldsAsync(slow!, None));
        Assert.True(await rounds.HoldsAsync(fast!, None));
    }

    [Fact]
    public async Task Two_replicas_on_one_shared_store_end_with_a_calculation_of_every_response_whichever_took_each()
    {
        var file = Path.Combine(TestEnvironment.NewDataDirectory("indicator-replicas"), "indicator.db");
        var now = DateTimeOffset.UtcNow;
        using var first = new LiteDbDocumentStore(file, shared: true);
        using var second = new LiteDbDocumentStore(file, shared: true);
        var draft = DefinitionRules.Check(new DefineIndicator("DIGPLAN", "Digitaliseringsplan", "ehalsa", "share", "DIGPLAN == true")).Draft;
        await new DefinitionStore(first).AddVersionAsync(draft!, now, "test", None);
        var replicas = new[] { new Replica(first), new Replica(second) };
        foreach (var replica in replicas)
        {
            await replica.Recalculator.StartAsync(None);
        }

        try
        {
            // 60 kommuner, every third with a plan, delivered to either replica as competing consumers would be.
            await Parallel.ForEachAsync(Enumerable.Range(0, 60), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
                await replicas[i % 2].ConsumeAsync(Response("round-replicas", $"{1000 + i}", 1, now.AddMilliseconds(i), plan: i % 3 == 0)));

            await Eventually.TrueAsync(async () => await replicas[0].Rounds.GetAsync("round-replicas", None) is { Dirty: false, LastCalculationId: not null },
                TimeSpan.FromSeconds(60), "the round was never recalculated after the last response");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.Recalculator.StopAsync(None);
            }
        }

        var round = await replicas[1].Rounds.GetAsync("round-replicas", None);
        var calculation = await replicas[1].Calculations.GetAsync(round!.LastCalculationId!, None);
        // A later claim that found the same answers calculated the same id, stored once under the earlier sequence.
        Assert.Equal(60, calculation!.BasedOn.Responses);
        Assert.InRange(calculation.BasedOn.Sequence!.Value, 1, round.LastSequence);
        var riket = Assert.Single(calculation.Values, v => v.Level == IndicatorLevels.Riket);
        Assert.Equal((20.0, 60.0), (riket.Numerator, riket.Denominator));
    }

    /// <summary>One replica's consumer, recalculator and stores, as the service wires them.</summary>
    private sealed class Replica
    {
        private readonly AnswerStore _answers;
        private readonly RecalculationSignal _signal = new();

        public Replica(IDocumentStore store)
        {
            _answers = new AnswerStore(store);
            Rounds = new RoundStates(store);
            Calculations = new CalculationStore(store, new OutboxSignal());
            Recalculator = new Recalculator(Rounds, _answers, new DefinitionStore(store), Calculations, _signal, TimeProvider.System,
                Options.Create(new RecalculationOptions { DebounceMilliseconds = 20, MaxDelayMilliseconds = 200, PollSeconds = 1 }),
                NullLogger<Recalculator>.Instance);
        }

        public RoundStates Rounds { get; }

        public CalculationStore Calculations { get; }

        public Recalculator Recalculator { get; }

        public async Task ConsumeAsync(ResponseSubmitted response)
        {
            await _answers.KeepLatestAsync(response, None);
            await Rounds.MarkDirtyAsync(response, await _answers.CountAsync(response.RoundId, None), None);
            _signal.Wake();
        }
    }

    /// <summary>Replicas share a store: on one machine, a LiteDB file in shared mode.</summary>
    private static LiteDbDocumentStore NewStore(string name, bool shared = true) =>
        new(Path.Combine(TestEnvironment.NewDataDirectory("indicator-" + name), "indicator.db"), shared);

    private static ResponseSubmitted Response(string round, string kommun, int version, DateTimeOffset receivedAt, bool plan = true) =>
        new(round, "ehalsa", 2025, IndicatorServiceFixture.Kommun(kommun, $"Kommun {kommun}", "01", "Stockholms län", "A1"), version, receivedAt,
            new Dictionary<string, JsonElement> { ["DIGPLAN"] = JsonSerializer.SerializeToElement(plan) });
}
