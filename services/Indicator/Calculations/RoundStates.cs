using System.Diagnostics;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Indicator.Calculations;

public sealed class RoundStates(IDocumentStore store)
{
    private const int MaxAttempts = 100;
    private readonly IDocumentCollection<RoundState> _rounds = store.Collection<RoundState>("rounds");

    public Task<RoundState?> GetAsync(string roundId, CancellationToken ct) => _rounds.GetAsync(roundId, ct);

    public Task<RoundState> MarkDirtyAsync(ResponseSubmitted response, int responses, CancellationToken ct) =>
        MarkDirtyAsync([response], responses, Activity.Current?.Id is { } id ? [id] : [], ct);

    /// <summary>
    /// One write for responses of one round received together: the latest acceptance time among them, the round's
    /// count, and the traces that wait for the recalculation (the last of them its parent, the others its links).
    /// </summary>
    public Task<RoundState> MarkDirtyAsync(IReadOnlyList<ResponseSubmitted> received, int responses, IReadOnlyList<string> traces, CancellationToken ct)
    {
        var first = received[0];
        var watermark = received.Max(r => r.ReceivedAt);
        return UpdateAsync(first.RoundId, current => (current ?? RoundState.New(first.RoundId, first.QuestionnaireId, first.Year)) with
        {
            Watermark = Later(current?.Watermark, watermark),
            Responses = responses,
            Dirty = true,
            TraceParent = traces.Count > 0 ? traces[^1] : Activity.Current?.Id,
            Waiting = WithTraces(current?.Waiting, traces),
        }, ct);
    }

    /// <summary>
    /// Remembers the round's questionnaire, year and population. When responses came first (events may arrive in
    /// any order) their values are recalculated, since coverage depends on what the round expects.
    /// </summary>
    public Task<RoundState> RememberAsync(SurveyRoundOpened opened, CancellationToken ct) =>
        UpdateAsync(opened.RoundId, current =>
        {
            var round = current ?? RoundState.New(opened.RoundId, opened.QuestionnaireId, opened.Year);
            var recalculate = round.Responses > 0 && (round.Population != opened.Population || round.Expected != opened.Expected);
            return round with
            {
                QuestionnaireId = opened.QuestionnaireId,
                Year = opened.Year,
                Population = opened.Population,
                Expected = opened.Expected,
                Dirty = round.Dirty || recalculate,
                TraceParent = recalculate ? Activity.Current?.Id : round.TraceParent,
            };
        }, ct);

    public Task<RoundState> MarkClosedAsync(SurveyRoundClosed closed, CancellationToken ct) =>
        UpdateAsync(closed.RoundId, current => (current ?? RoundState.New(closed.RoundId, closed.QuestionnaireId, closed.Year)) with
        {
            Closed = true,
            Dirty = true,
            TraceParent = Activity.Current?.Id,
        }, ct);

    /// <summary>A changed definition applies to every round of its questionnaire.</summary>
    public async Task MarkQuestionnaireDirtyAsync(string questionnaireId, CancellationToken ct)
    {
        foreach (var round in await _rounds.FindAsync(Query.Where("questionnaireId", questionnaireId), ct))
        {
            await UpdateAsync(round.RoundId, current => (current ?? round) with { Dirty = true, TraceParent = Activity.Current?.Id }, ct);
        }
    }

    public Task<IReadOnlyList<RoundState>> DirtyAsync(CancellationToken ct) => _rounds.FindAsync(Query.Where("dirty", true), ct);

    public Task<IReadOnlyList<RoundState>> OfYearAsync(int? year, CancellationToken ct) =>
        _rounds.FindAsync(year is { } y ? Query.Where("year", y) : Query.All, ct);

    /// <summary>
    /// Claims the round for one recalculation by <paramref name="replica"/>: takes the next sequence number and
    /// holds the round for <paramref name="lease"/>. Null when the round is no longer dirty or another replica
    /// holds an unexpired claim. Responses keep marking the round during a burst, so a claim that loses the race
    /// with a mark reads the round again and tries once more. The round stays dirty until <see cref="FinishAsync"/>:
    /// a replica that dies holding the claim leaves it to the others when the lease runs out.
    /// </summary>
    public async Task<RoundState?> TryClaimAsync(string roundId, string replica, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _rounds.GetAsync(roundId, ct);
            if (current is not { Dirty: true } || (!store.SoleProcess && current.IsClaimedByOtherThan(replica, now)))
            {
                return null;
            }

            var claimed = current with { Sequence = current.Sequence + 1, ClaimedBy = replica, ClaimedUntil = now + lease, Revision = current.Revision + 1 };
            if (await _rounds.TryReplaceAsync(roundId, claimed, "revision", current.Revision, ct))
            {
                return claimed;
            }

            await Task.Delay(Random.Shared.Next(1, 5 + attempt), ct);
        }

        return null;
    }

    /// <summary>
    /// Records the calculation made under <paramref name="claimed"/> and lets the claim go. The round stays dirty
    /// when anything was written to it meanwhile, so the next recalculation (with a higher sequence, reading the
    /// answers after that write) includes it too. The round's latest calculation is replaced only by one of a
    /// higher sequence, whichever replica finishes first.
    /// </summary>
    public async Task<bool> FinishAsync(RoundState claimed, string? calculationId, DateTimeOffset at, CancellationToken ct)
    {
        var newer = calculationId is not null && claimed.Sequence > claimed.LastSequence;
        var finished = claimed with
        {
            Dirty = false,
            Waiting = null,
            Revision = claimed.Revision + 1,
            LastCalculationId = newer ? calculationId : claimed.LastCalculationId,
            LastCalculatedAt = newer ? at : claimed.LastCalculatedAt,
            LastSequence = newer ? claimed.Sequence : claimed.LastSequence,
            ClaimedBy = null,
            ClaimedUntil = null,
        };
        if (await _rounds.TryReplaceAsync(claimed.Id, finished, "revision", claimed.Revision, ct))
        {
            return true;
        }

        await UpdateAsync(claimed.RoundId, current =>
        {
            var round = current ?? claimed;
            var later = calculationId is not null && claimed.Sequence > round.LastSequence;
            return Released(round, claimed) with
            {
                LastCalculationId = later ? calculationId : round.LastCalculationId,
                LastCalculatedAt = later ? at : round.LastCalculatedAt,
                LastSequence = later ? claimed.Sequence : round.LastSequence,
            };
        }, ct);
        return false;
    }

    /// <summary>
    /// Whether <paramref name="claimed"/> is still the round's claim. A replica whose claim ran out and was taken
    /// over must not store its result: the replica that took over reads the answers after this check, so its
    /// calculation includes everything this one read, and the order of sequences stays the order of reading.
    /// </summary>
    public async Task<bool> HoldsAsync(RoundState claimed, CancellationToken ct) =>
        await _rounds.GetAsync(claimed.RoundId, ct) is { } current && current.Sequence == claimed.Sequence && current.ClaimedBy == claimed.ClaimedBy;

    /// <summary>Lets a claim go without a calculation (the recalculation failed or the service is stopping), so another replica need not wait for the lease.</summary>
    public Task ReleaseAsync(RoundState claimed, CancellationToken ct) =>
        UpdateAsync(claimed.RoundId, current => Released(current ?? claimed, claimed), ct);

    private static RoundState Released(RoundState round, RoundState claimed) =>
        round.ClaimedBy == claimed.ClaimedBy && round.Sequence == claimed.Sequence ? round with { ClaimedBy = null, ClaimedUntil = null } : round;

    public async Task EnsureIndexesAsync(CancellationToken ct)
    {
        await _rounds.EnsureIndexAsync("dirty", ct);
        await _rounds.EnsureIndexAsync("year", ct);
        await _rounds.EnsureIndexAsync("questionnaireId", ct);
    }

    /// <summary>Optimistic read-change-write on <see cref="RoundState.Revision"/>; consumers of one round race here.</summary>
    private async Task<RoundState> UpdateAsync(string roundId, Func<RoundState?, RoundState> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _rounds.GetAsync(roundId, ct);
            var next = change(current) with { Id = roundId, RoundId = roundId, Revision = (current?.Revision ?? 0) + 1 };
            var written = current is null
                ? await _rounds.TryInsertAsync(roundId, next, ct)
                : await _rounds.TryReplaceAsync(roundId, next, "revision", current.Revision, ct);
            if (written)
            {
                return next;
            }

            await Task.Delay(Random.Shared.Next(1, 5 + attempt), ct);
        }

        throw new InvalidOperationException($"Round {roundId} kept changing; the message will be retried.");
    }

    private static IReadOnlyList<string>? WithTraces(IReadOnlyList<string>? waiting, IReadOnlyList<string> traces) =>
        traces.Count == 0
            ? waiting
            : [.. (waiting ?? []).Where(w => !traces.Contains(w)).Concat(traces.Distinct()).TakeLast(RoundState.MaxWaiting)];

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c >= candidate ? c : candidate;
}
