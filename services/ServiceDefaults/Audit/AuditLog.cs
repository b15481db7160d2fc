using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.ServiceDefaults.Audit;

/// <summary>
/// The process's audit log: collection <c>audit</c> of its own store. Append-only: entries are inserted under a new
/// id and nothing in the platform updates or deletes them.
/// </summary>
public sealed class AuditLog(string service, IDocumentStore store)
{
    public const string CollectionName = "audit";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private readonly IDocumentCollection<AuditEntry> _entries = store.Collection<AuditEntry>(CollectionName);
    private int _indexed;

    public string Service => service;

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await EnsureIndexesAsync(ct);
        // A fresh id per entry: a duplicate is impossible, and an existing entry is never replaced.
        await _entries.TryInsertAsync(entry.Id, entry, ct);
    }

    /// <summary>The newest entries first, optionally of one client.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? clientId, int limit, CancellationToken ct)
    {
        await EnsureIndexesAsync(ct);
        var query = (clientId is null ? Query.All : Query.Where("clientId", clientId)).OrderByDescending("at").Take(limit);
        var entries = await _entries.FindAsync(query, ct);
        return entries.OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    private async Task EnsureIndexesAsync(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _indexed, 1, 0) != 0)
        {
            return;
        }

        try
        {
            await _entries.EnsureIndexAsync("clientId", ct);
            await _entries.EnsureIndexAsync("at", ct);
        }
        catch
        {
            Interlocked.Exchange(ref _indexed, 0);
            throw;
        }
    }
}
