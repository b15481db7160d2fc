namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>
/// The persistence port every service uses. Small on purpose: documents by id, equality queries on
/// top-level fields, a conditional replace for optimistic concurrency, and files. Documents are
/// stored as their camelCase JSON shape, so both adapters see the same fields.
/// </summary>
public interface IDocumentStore
{
    IDocumentCollection<T> Collection<T>(string name) where T : class;

    IFileStore Files { get; }

    /// <summary>Throws when the store cannot be reached; used by the readiness check.</summary>
    Task PingAsync(CancellationToken ct = default);

    string Kind { get; }

    /// <summary>
    /// True when no other process can open this store at the same time (LiteDB in direct mode). A claim or lease
    /// that names another <see cref="ProcessInstance"/> was then left by a process that has ended, and need not be
    /// waited for; with a shared store it may belong to a replica still at work.
    /// </summary>
    bool SoleProcess { get; }
}

public interface IDocumentCollection<T> where T : class
{
    Task<T?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>Inserts a new document; false when a document with that id already exists.</summary>
    Task<bool> TryInsertAsync(string id, T document, CancellationToken ct = default);

    Task UpsertAsync(string id, T document, CancellationToken ct = default);

    /// <summary>Replaces the document only if its <paramref name="field"/> still holds <paramref name="expected"/>.</summary>
    Task<bool> TryReplaceAsync(string id, T document, string field, long expected, CancellationToken ct = default);

    /// <summary>Sets one top-level field; false when the document does not exist.</summary>
    Task<bool> SetFieldAsync(string id, string field, object? value, CancellationToken ct = default);

    Task<bool> DeleteAsync(string id, CancellationToken ct = default);

    Task<IReadOnlyList<T>> FindAsync(Query query, CancellationToken ct = default);

    Task<long> CountAsync(Query query, CancellationToken ct = default);

    Task EnsureIndexAsync(string field, CancellationToken ct = default);
}

public interface IFileStore
{
    Task SaveAsync(string id, string fileName, string contentType, byte[] content, CancellationToken ct = default);

    Task<StoredFile?> GetAsync(string id, CancellationToken ct = default);
}

public sealed record StoredFile(string Id, string FileName, string ContentType, byte[] Content);
