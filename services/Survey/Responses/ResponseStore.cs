using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Survey.Responses;

/// <summary>Organisation ids: those with a submitted response, and those with only drafts so far.</summary>
public sealed record RoundProgress(IReadOnlySet<string> Submitted, IReadOnlySet<string> Drafting);

/// <summary>Response versions, one document each: <c>{roundId}|{organisationId}|{version:D6}</c>.</summary>
public sealed class ResponseStore(IDocumentStore store)
{
    public const string CollectionName = "responses";
    private const int Attempts = 20;

    private readonly IDocumentCollection<ResponseVersion> _versions = store.Collection<ResponseVersion>(CollectionName);

    /// <summary>By round for completeness; by organisation so finding the latest version reads a few documents, not the whole round.</summary>
    public async Task EnsureIndexesAsync(CancellationToken ct)
    {
        await _versions.EnsureIndexAsync("roundId", ct);
        await _versions.EnsureIndexAsync("organisationId", ct);
    }

    public Task<ResponseVersion?> GetAsync(string roundId, string organisationId, int version, CancellationToken ct) =>
        _versions.GetAsync(ResponseVersion.DocumentId(roundId, organisationId, version), ct);

    /// <summary>
    /// Versions are numbered 1..n without gaps (each is inserted as the one after the latest), so the latest is found
    /// by reading single versions by id: doubling until one is missing, then halving between the last found and
    /// that one. About 2·log2(n) reads by key, whatever the size of the round or the organisation's other rounds.
    /// </summary>
    public async Task<ResponseVersion?> LatestAsync(string roundId, string organisationId, CancellationToken ct)
    {
        if (await GetAsync(roundId, organisationId, 1, ct) is not { } found)
        {
            return null;
        }

        var missing = 2;
        while (await GetAsync(roundId, organisationId, missing, ct) is { } later)
        {
            found = later;
            missing *= 2;
        }

        while (missing - found.Version > 1)
        {
            var middle = found.Version + (missing - found.Version) / 2;
            if (await GetAsync(roundId, organisationId, middle, ct) is { } stored)
            {
                found = stored;
            }
            else
            {
                missing = middle;
            }
        }

        return found;
    }

    /// <summary>The latest version with the given status; versions stored before drafts existed have no status field, so filter here.</summary>
    public async Task<ResponseVersion?> LatestAsync(string roundId, string organisationId, ResponseStatus status, CancellationToken ct) =>
        (await VersionsAsync(roundId, organisationId, ct)).LastOrDefault(v => v.Status == status);

    public Task<IReadOnlyList<ResponseVersion>> VersionsAsync(string roundId, string organisationId, CancellationToken ct) =>
        _versions.FindAsync(Of(roundId, organisationId).OrderByAscending("version"), ct);

    public async Task<ResponseVersion?> FindByIdempotencyKeyAsync(string roundId, string organisationId, string key, CancellationToken ct) =>
        (await _versions.FindAsync(Of(roundId, organisationId).And("idempotencyKey", key).Take(1), ct)).FirstOrDefault();

    /// <summary>Who has submitted, and who has saved a draft without having submitted anything yet.</summary>
    public async Task<RoundProgress> ProgressAsync(string roundId, CancellationToken ct)
    {
        var versions = await _versions.FindAsync(Query.Where("roundId", roundId), ct);
        var submitted = versions.Where(v => v.IsSubmitted).Select(v => v.OrganisationId).ToHashSet(StringComparer.Ordinal);
        var drafting = versions.Where(v => !v.IsSubmitted && !submitted.Contains(v.OrganisationId))
            .Select(v => v.OrganisationId).ToHashSet(StringComparer.Ordinal);
        return new RoundProgress(submitted, drafting);
    }

    /// <summary>
    /// Stores the next version. Two submissions at once both read the same latest version; the id makes
    /// only one insert succeed, and the other tries again with the version after it.
    /// </summary>
    public async Task<ResponseVersion> AppendAsync(string roundId, string organisationId, Func<int, ResponseVersion> versionNumbered, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var version = ((await LatestAsync(roundId, organisationId, ct))?.Version ?? 0) + 1;
            var response = versionNumbered(version);
            if (await _versions.TryInsertAsync(response.Id, response, ct))
            {
                return response;
            }
        }

        throw new InvalidOperationException($"No free response version for {organisationId} in round {roundId} after {Attempts} attempts.");
    }

    /// <summary>
    /// The organisation first: LiteDB uses the index of the first condition when several cost the same, and an
    /// organisation has a few versions per round where a round has thousands (measured: the latest-version lookup on
    /// the round's index was nearly all of a submission's time).
    /// </summary>
    private static Query Of(string roundId, string organisationId) =>
        Query.Where("organisationId", organisationId).And("roundId", roundId);
}
