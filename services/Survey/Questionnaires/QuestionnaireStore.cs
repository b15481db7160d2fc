using System.Collections.Concurrent;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Survey.Questionnaires;

/// <summary>Every version of every questionnaire, one document each: <c>{id}|{version:D6}</c>.</summary>
public sealed class QuestionnaireStore(IDocumentStore store)
{
    public const string CollectionName = "questionnaires";
    private const int Attempts = 20;

    private readonly IDocumentCollection<Questionnaire> _versions = store.Collection<Questionnaire>(CollectionName);
    private readonly ConcurrentDictionary<string, Questionnaire> _read = new(StringComparer.Ordinal);

    public static string DocumentId(string id, int version) => $"{id}|{version:D6}";

    public Task EnsureIndexesAsync(CancellationToken ct) => _versions.EnsureIndexAsync("id", ct);

    public async Task<Questionnaire?> LatestAsync(string id, CancellationToken ct) =>
        (await _versions.FindAsync(Query.Where("id", id).OrderByDescending("version").Take(1), ct)).FirstOrDefault();

    /// <summary>A stored version never changes (a change is the next version), so each is read from the store once.</summary>
    public async Task<Questionnaire?> GetAsync(string id, int version, CancellationToken ct)
    {
        var documentId = DocumentId(id, version);
        if (_read.TryGetValue(documentId, out var known))
        {
            return known;
        }

        var stored = await _versions.GetAsync(documentId, ct);
        if (stored is not null)
        {
            _read.TryAdd(documentId, stored);
        }

        return stored;
    }

    public async Task<IReadOnlyList<Questionnaire>> ListLatestAsync(CancellationToken ct) =>
        (await _versions.FindAsync(Query.All, ct))
            .GroupBy(q => q.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(q => q.Version)!)
            .OrderBy(q => q.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Stores a questionnaire's version 1 unless some version 1 of it exists; true when it stored it.</summary>
    public Task<bool> TryAddFirstVersionAsync(Questionnaire questionnaire, CancellationToken ct) =>
        _versions.TryInsertAsync(DocumentId(questionnaire.Id, 1), questionnaire with { Version = 1 }, ct);

    /// <summary>Stores the next version; two kansli posting at once get consecutive versions, never the same one.</summary>
    public async Task<Questionnaire> AddVersionAsync(string id, Func<int, Questionnaire> versionNumbered, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var version = ((await LatestAsync(id, ct))?.Version ?? 0) + 1;
            var questionnaire = versionNumbered(version);
            if (await _versions.TryInsertAsync(DocumentId(id, version), questionnaire, ct))
            {
                return questionnaire;
            }
        }

        throw new InvalidOperationException($"No free version of questionnaire {id} after {Attempts} attempts.");
    }
}
