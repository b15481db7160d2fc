using System.Diagnostics;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Pipeline;

/// <summary>The latest accepted version of one organisation's response, as the pipeline saw it pass.</summary>
public sealed record TrackedResponse(string Id, string RoundId, string OrganisationId, int Year, int Version, DateTimeOffset ReceivedAt, string? TraceId);

/// <summary>A calculation of a round: what it includes (responses up to its watermark) and its trace.</summary>
public sealed record TrackedCalculation(string CalculationId, DateTimeOffset CalculatedAt, DateTimeOffset Watermark, int Responses, string? TraceId);

/// <summary>A round's trail through the pipeline: its last response and its recent calculations.</summary>
public sealed record TrackedRound(string Id, int Year, TrackedResponse? LastResponse, IReadOnlyList<TrackedCalculation> Calculations, long Revision);

/// <summary>
/// What operators follow: where a response is, which calculation and edition include it, with trace ids.
/// Kept from the events the reporting service sees at the end of the pipeline; written latest-wins.
/// </summary>
public sealed class PipelineTrail(IDocumentStore store)
{
    /// <summary>Recent calculations kept per round; enough to find the first one that included a recent response.</summary>
    private const int KeptCalculations = 50;

    private readonly IDocumentCollection<TrackedResponse> _responses = store.Collection<TrackedResponse>("pipeline_responses");
    private readonly IDocumentCollection<TrackedRound> _rounds = store.Collection<TrackedRound>("pipeline_rounds");

    public Task<TrackedResponse?> ResponseAsync(string roundId, string organisationId, CancellationToken ct) =>
        _responses.GetAsync(roundId + "|" + organisationId, ct);

    public Task<TrackedRound?> RoundAsync(string roundId, CancellationToken ct) => _rounds.GetAsync(roundId, ct);

    /// <summary>
    /// Responses seen together (a batch): each organisation's latest version, and one write of each round's trail
    /// with the latest response among them, instead of one write of the round per response.
    /// </summary>
    public async Task ResponsesAcceptedAsync(IReadOnlyList<(ResponseSubmitted Response, string? TraceId)> accepted, CancellationToken ct)
    {
        var tracked = accepted.Select(a => new TrackedResponse(a.Response.RoundId + "|" + a.Response.Organisation.Id, a.Response.RoundId,
            a.Response.Organisation.Id, a.Response.Year, a.Response.Version, a.Response.ReceivedAt, a.TraceId)).ToList();
        await Task.WhenAll(tracked.GroupBy(t => t.Id, StringComparer.Ordinal).Select(async versions =>
        {
            foreach (var version in versions)
            {
                await KeepLatestVersionAsync(version, ct);
            }
        }));

        foreach (var round in tracked.GroupBy(t => t.RoundId, StringComparer.Ordinal))
        {
            var latest = round.MaxBy(t => t.ReceivedAt)!;
            await UpdateRoundAsync(round.Key, latest.Year, trail =>
                trail.LastResponse is { } last && last.ReceivedAt > latest.ReceivedAt ? trail : trail with { LastResponse = latest }, ct);
        }
    }

    public Task CalculationReceivedAsync(IndicatorsRecalculated calculation, CancellationToken ct)
    {
        var tracked = new TrackedCalculation(calculation.CalculationId, calculation.CalculatedAt, calculation.BasedOn.Watermark, calculation.BasedOn.Responses, Activity.Current?.TraceId.ToString());
        return UpdateRoundAsync(calculation.RoundId, calculation.Year, round => round.Calculations.Any(c => c.CalculationId == tracked.CalculationId)
            ? round
            : round with { Calculations = [.. round.Calculations.Append(tracked).OrderBy(c => c.Watermark).ThenBy(c => c.CalculatedAt).TakeLast(KeptCalculations)] }, ct);
    }

    /// <summary>Insert-if-absent or replace-if-unchanged, so replicas storing two versions at once keep the higher.</summary>
    private async Task KeepLatestVersionAsync(TrackedResponse tracked, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await _responses.GetAsync(tracked.Id, ct);
            if (current is not null && current.Version >= tracked.Version)
            {
                return;
            }

            if (current is null ? await _responses.TryInsertAsync(tracked.Id, tracked, ct) : await _responses.TryReplaceAsync(tracked.Id, tracked, "version", current.Version, ct))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The pipeline trail of {tracked.Id} kept changing; the message will be retried.");
    }

    private async Task UpdateRoundAsync(string roundId, int year, Func<TrackedRound, TrackedRound> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var current = await _rounds.GetAsync(roundId, ct);
            var next = change(current ?? new TrackedRound(roundId, year, null, [], 0)) with { Revision = (current?.Revision ?? 0) + 1 };
            if (current is null ? await _rounds.TryInsertAsync(roundId, next, ct) : await _rounds.TryReplaceAsync(roundId, next, "revision", current.Revision, ct))
            {
                return;
            }

            await Task.Delay(Random.Shared.Next(1, 5 + attempt), ct);
        }

        throw new InvalidOperationException($"The pipeline trail of round {roundId} kept changing; the message will be retried.");
    }
}
