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
        UpdateAsync(response.RoundId, current => (current ?? RoundState.New(response.RoundId, response.QuestionnaireId, response.Year)) with
        {
            Watermark = Later(current?.Watermark, response.ReceivedAt),
            Responses = responses,
            Dirty = true,
            TraceParent = Activity.Current?.Id,
            Waiting = WithCurrentTrace(current?.Waiting),
        }, ct);

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
    /// Records the calculation made from <paramref name="calculatedFrom"/>. The round stays dirty when
    /// anything was written to it meanwhile, so the next recalculation includes that too.
    /// </summary>
    public async Task<bool> FinishAsync(RoundState calculatedFrom, string? calculationId, DateTimeOffset at, CancellationToken ct)
    {
        var finished = calculatedFrom with
        {
            Dirty = false,
            Waiting = null,
            Revision = calculatedFrom.Revision + 1,
            LastCalculationId = calculationId ?? calculatedFrom.LastCalculationId,
            LastCalculatedAt = calculationId is null ? calculatedFrom.LastCalculatedAt : at,
        };
        if (await _rounds.TryReplaceAsync(calculatedFrom.Id, finished, "revision", calculatedFrom.Revision, ct))
        {
            return true;
        }

        if (calculationId is not null)
        {
            await UpdateAsync(calculatedFrom.RoundId, current => (current ?? calculatedFrom) with { LastCalculationId = calculationId, LastCalculatedAt = at }, ct);
        }

        return false;
    }

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

    private static IReadOnlyList<string>? WithCurrentTrace(IReadOnlyList<string>? waiting) =>
        Activity.Current?.Id is { } id
            ? [.. (waiting ?? []).Where(w => w != id).TakeLast(RoundState.MaxWaiting - 1), id]
            : waiting;

    private static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c >= candidate ? c : candidate;
}
