using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Survey.Responses;

/// <summary>Response versions, one document each: <c>{roundId}|{organisationId}|{version:D6}</c>.</summary>
public sealed class ResponseStore(IDocumentStore store)
{
    public const string CollectionName = "responses";
    private const int Attempts = 20;

    private readonly IDocumentCollection<ResponseVersion> _versions = store.Collection<ResponseVersion>(CollectionName);

    public Task EnsureIndexesAsync(CancellationToken ct) => _versions.EnsureIndexAsync("roundId", ct);

    public Task<ResponseVersion?> GetAsync(string roundId, string organisationId, int version, CancellationToken ct) =>
        _versions.GetAsync(ResponseVersion.DocumentId(roundId, organisationId, version), ct);

    public async Task<ResponseVersion?> LatestAsync(string roundId, string organisationId, CancellationToken ct) =>
        (await _versions.FindAsync(Of(roundId, organisationId).OrderByDescending("version").Take(1), ct)).FirstOrDefault();

    public Task<IReadOnlyList<ResponseVersion>> VersionsAsync(string roundId, string organisationId, CancellationToken ct) =>
        _versions.FindAsync(Of(roundId, organisationId).OrderByAscending("version"), ct);

    public async Task<ResponseVersion?> FindByIdempotencyKeyAsync(string roundId, string organisationId, string key, CancellationToken ct) =>
        (await _versions.FindAsync(Of(roundId, organisationId).And("idempotencyKey", key).Take(1), ct)).FirstOrDefault();

    /// <summary>The organisations with at least one response: every one of them has a version 1.</summary>
    public async Task<IReadOnlySet<string>> RespondedOrganisationsAsync(string roundId, CancellationToken ct) =>
        (await _versions.FindAsync(Query.Where("roundId", roundId).And("version", 1), ct))
            .Select(r => r.OrganisationId)
            .ToHashSet(StringComparer.Ordinal);

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

    private static Query Of(string roundId, string organisationId) =>
        Query.Where("roundId", roundId).And("organisationId", organisationId);
}
