using System.Globalization;
using System.Text.Json;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Editions;

public sealed class ReportEditions(IDocumentStore store, OutboxSignal outbox)
{
    public const string CollectionName = "editions";

    private readonly IDocumentCollection<ReportEdition> _editions = store.Collection<ReportEdition>(CollectionName);

    public IFileStore Files => store.Files;

    public Task<ReportEdition?> GetAsync(int year, int edition, CancellationToken ct) =>
        _editions.GetAsync(ReportEdition.IdFor(year, edition), ct);

    public async Task<ReportEdition?> LatestAsync(int year, CancellationToken ct)
    {
        var latest = await _editions.FindAsync(Query.Where("year", year).OrderByDescending("edition").Take(1), ct);
        return latest.Count == 0 ? null : latest[0];
    }

    public async Task<IReadOnlyList<ReportEdition>> ListAsync(int? year, CancellationToken ct)
    {
        var editions = await _editions.FindAsync(year is { } y ? Query.Where("year", y) : Query.All, ct);
        return editions.OrderByDescending(e => e.Year).ThenByDescending(e => e.Edition).ToList();
    }

    /// <summary>The values an edition published; null for an edition stored before editions kept them.</summary>
    public Task<IReadOnlyList<ValueSnapshot>?> ValuesOfAsync(ReportEdition edition, CancellationToken ct) =>
        ReadJsonAsync<IReadOnlyList<ValueSnapshot>>(edition.ValuesFileId, ct);

    /// <summary>What an edition was made from; null for an edition stored before editions kept it.</summary>
    public Task<EditionSource?> SourceOfAsync(ReportEdition edition, CancellationToken ct) =>
        ReadJsonAsync<EditionSource>(edition.SourceFileId, ct);

    public async Task<IReadOnlyList<ValueChange>> ChangesOfAsync(ReportEdition edition, CancellationToken ct) =>
        await ReadJsonAsync<IReadOnlyList<ValueChange>>(edition.ChangesFileId, ct) ?? [];

    /// <summary>Stores a JSON file of an edition under a new unique id, which it returns.</summary>
    public async Task<string> SaveJsonAsync<T>(int year, int edition, string name, T content, CancellationToken ct)
    {
        var id = $"{ReportEdition.IdFor(year, edition)}|{Guid.NewGuid():N}.{name}.json";
        await store.Files.SaveAsync(id, $"{name}.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(content, DocumentJson.Options), ct);
        return id;
    }

    private async Task<T?> ReadJsonAsync<T>(string? fileId, CancellationToken ct) where T : class =>
        fileId is not null && await store.Files.GetAsync(fileId, ct) is { } file ? DocumentJson.FromUtf8<T>(file.Content) : null;

    /// <summary>False when another writer already took this edition number.</summary>
    public async Task<bool> TryAddAsync(ReportEdition edition, CancellationToken ct)
    {
        if (!await _editions.TryInsertAsync(edition.Id, edition, ct))
        {
            return false;
        }

        outbox.Notify();
        return true;
    }

    /// <summary>
    /// Sets the publication fields one by one (never the whole document, which would race the relay's
    /// <c>relayed</c> flag); the status goes last, so a published edition always has its date. The store's
    /// field update reads and writes the whole document, so a concurrent relay write can undo it: re-read
    /// until the status holds.
    /// </summary>
    public async Task<ReportEdition?> PublishAsync(string id, DateTimeOffset at, string by, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await _editions.GetAsync(id, ct);
            if (current is null || current.Status == EditionStatus.Published)
            {
                return current;
            }

            await _editions.SetFieldAsync(id, "publishedAt", at.ToString("O", CultureInfo.InvariantCulture), ct);
            await _editions.SetFieldAsync(id, "publishedBy", by, ct);
            await _editions.SetFieldAsync(id, "status", EditionStatus.Published, ct);
        }

        return await _editions.GetAsync(id, ct);
    }

    public async Task EnsureIndexesAsync(CancellationToken ct)
    {
        await _editions.EnsureIndexAsync("year", ct);
        await _editions.EnsureIndexAsync("edition", ct);
    }
}
