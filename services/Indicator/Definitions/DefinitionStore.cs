using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Indicator.Definitions;

public sealed class DefinitionStore(IDocumentStore store)
{
    private const int MaxAttempts = 50;
    private readonly IDocumentCollection<IndicatorDefinition> _definitions = store.Collection<IndicatorDefinition>("definitions");

    public async Task<IndicatorDefinition?> LatestAsync(string code, CancellationToken ct)
    {
        var latest = await _definitions.FindAsync(Query.Where("code", code).OrderByDescending("version").Take(1), ct);
        return latest.Count == 0 ? null : latest[0];
    }

    /// <summary>The definition in force of every code, ordered by code.</summary>
    public async Task<IReadOnlyList<IndicatorDefinition>> LatestOfEveryCodeAsync(CancellationToken ct)
    {
        var all = await _definitions.FindAsync(Query.All, ct);
        return
        [
            .. all.GroupBy(d => d.Code, StringComparer.Ordinal)
                .Select(versions => versions.MaxBy(d => d.Version)!)
                .OrderBy(d => d.Code, StringComparer.Ordinal),
        ];
    }

    /// <summary>A code whose latest version moved to another questionnaire no longer counts for this one.</summary>
    public async Task<IReadOnlyList<IndicatorDefinition>> InForceForAsync(string questionnaireId, CancellationToken ct) =>
        [.. (await LatestOfEveryCodeAsync(ct)).Where(d => d.QuestionnaireId == questionnaireId)];

    /// <summary>Stores <paramref name="draft"/> as the next version of its code; two kansli posting at once get two versions.</summary>
    public async Task<IndicatorDefinition> AddVersionAsync(DefinitionDraft draft, DateTimeOffset definedAt, string definedBy, CancellationToken ct)
    {
        var version = ((await LatestAsync(draft.Code, ct))?.Version ?? 0) + 1;
        for (var attempt = 0; attempt < MaxAttempts; attempt++, version++)
        {
            var definition = draft.ToDefinition(version, definedAt, definedBy);
            if (await _definitions.TryInsertAsync(definition.Id, definition, ct))
            {
                return definition;
            }
        }

        throw new InvalidOperationException($"No free version found for indicator {draft.Code}.");
    }

    /// <summary>Stores <paramref name="definition"/> as version 1; false when its code has one already (another replica seeded it).</summary>
    public Task<bool> TryAddFirstVersionAsync(IndicatorDefinition definition, CancellationToken ct) =>
        _definitions.TryInsertAsync(IndicatorDefinition.IdFor(definition.Code, 1), definition with { Id = IndicatorDefinition.IdFor(definition.Code, 1), Version = 1 }, ct);

    public Task EnsureIndexesAsync(CancellationToken ct) => _definitions.EnsureIndexAsync("code", ct);
}
