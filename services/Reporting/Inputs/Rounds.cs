using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Inputs;

/// <summary>A survey round as <c>SurveyRoundOpened</c> announced it (id = round id): whom it asks and how many.</summary>
public sealed record StoredRound(string Id, string QuestionnaireId, int Year, string Population, int Expected, DateTimeOffset OpenedAt);

public sealed class Rounds(IDocumentStore store)
{
    public const string CollectionName = "rounds";

    private readonly IDocumentCollection<StoredRound> _rounds = store.Collection<StoredRound>(CollectionName);

    /// <summary>Idempotent: a redelivered or repeated opening stores the same facts again.</summary>
    public Task RememberAsync(SurveyRoundOpened opened, CancellationToken ct) =>
        _rounds.UpsertAsync(opened.RoundId,
            new StoredRound(opened.RoundId, opened.QuestionnaireId, opened.Year, opened.Population, opened.Expected, opened.OpenedAt), ct);

    public async Task<IReadOnlyList<StoredRound>> ForYearAsync(int year, CancellationToken ct) =>
        (await _rounds.FindAsync(Query.Where("year", year), ct)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public Task EnsureIndexesAsync(CancellationToken ct) => _rounds.EnsureIndexAsync("year", ct);
}
