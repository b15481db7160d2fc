using System.Buffers;
using System.Text.Json;
using LiteDB;

namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>The embedded adapter: one LiteDB file per service, so the platform runs without a database server.</summary>
public sealed class LiteDbDocumentStore : IDocumentStore, IDisposable
{
    private readonly LiteDatabase _database;

    // LiteDB hands out a new collection object per call, so the write lock is kept per collection name.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _writeLocks = new();

    public LiteDbDocumentStore(string fileName)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(fileName))!);
        _database = new LiteDatabase(new ConnectionString { Filename = fileName, Connection = ConnectionType.Direct });
        Files = new LiteDbFileStore(_database);
    }

    public string Kind => "litedb";

    public IFileStore Files { get; }

    public IDocumentCollection<T> Collection<T>(string name) where T : class =>
        new LiteDbCollection<T>(_database.GetCollection(name), _writeLocks.GetOrAdd(name, _ => new object()));

    public Task PingAsync(CancellationToken ct = default)
    {
        _ = _database.GetCollectionNames().Count();
        return Task.CompletedTask;
    }

    public void Dispose() => _database.Dispose();
}

internal sealed class LiteDbCollection<T>(ILiteCollection<BsonDocument> collection, object writeLock) : IDocumentCollection<T> where T : class
{
    public Task<T?> GetAsync(string id, CancellationToken ct = default)
    {
        var document = collection.FindById(id);
        return Task.FromResult(document is null ? null : LiteDbJson.ToDocument<T>(document));
    }

    public Task<bool> TryInsertAsync(string id, T document, CancellationToken ct = default)
    {
        try
        {
            lock (writeLock)
            {
                collection.Insert(LiteDbJson.ToBson(id, document));
            }

            return Task.FromResult(true);
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
    }

    public Task UpsertAsync(string id, T document, CancellationToken ct = default)
    {
        var bson = LiteDbJson.ToBson(id, document);
        lock (writeLock)
        {
            collection.Upsert(bson);
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryReplaceAsync(string id, T document, string field, long expected, CancellationToken ct = default)
    {
        // The check and the update run under the collection's write lock, so no other write comes between.
        var bson = LiteDbJson.ToBson(id, document);
        lock (writeLock)
        {
            var current = collection.FindById(id);
            if (current is null || !current.TryGetValue(field, out var value) || !value.IsNumber || value.AsInt64 != expected)
            {
                return Task.FromResult(false);
            }

            return Task.FromResult(collection.Update(bson));
        }
    }

    public Task<bool> SetFieldAsync(string id, string field, object? value, CancellationToken ct = default)
    {
        lock (writeLock)
        {
            var current = collection.FindById(id);
            if (current is null)
            {
                return Task.FromResult(false);
            }

            current[field] = new BsonValue(value);
            return Task.FromResult(collection.Update(current));
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        lock (writeLock)
        {
            return Task.FromResult(collection.Delete(id));
        }
    }

    public Task<IReadOnlyList<T>> FindAsync(Query query, CancellationToken ct = default)
    {
        var q = collection.Query();
        foreach (var (field, value) in query.Conditions)
        {
            q = q.Where(Query_.Eq(field, value));
        }

        if (query.OrderBy is not null)
        {
            q = query.Descending ? q.OrderByDescending(Query_.Path(query.OrderBy)) : q.OrderBy(Query_.Path(query.OrderBy));
        }

        var documents = query.Limit is { } limit ? q.Limit(limit).ToList() : q.ToList();
        IReadOnlyList<T> result = documents.Select(LiteDbJson.ToDocument<T>).ToList();
        return Task.FromResult(result);
    }

    public Task<long> CountAsync(Query query, CancellationToken ct = default)
    {
        var q = collection.Query();
        foreach (var (field, value) in query.Conditions)
        {
            q = q.Where(Query_.Eq(field, value));
        }

        return Task.FromResult(q.LongCount());
    }

    public Task EnsureIndexAsync(string field, CancellationToken ct = default)
    {
        collection.EnsureIndex(field, Query_.Path(field));
        return Task.CompletedTask;
    }
}

/// <summary>Builds LiteDB expressions with parameters, never by pasting values into text.</summary>
internal static class Query_
{
    public static BsonExpression Path(string field) => BsonExpression.Create("$." + field);

    public static BsonExpression Eq(string field, object? value) =>
        BsonExpression.Create("$." + field + " = @0", new BsonValue(value));
}

internal sealed class LiteDbFileStore(LiteDatabase database) : IFileStore
{
    public Task SaveAsync(string id, string fileName, string contentType, byte[] content, CancellationToken ct = default)
    {
        var storage = database.FileStorage;
        using var stream = new MemoryStream(content);
        storage.Upload(id, fileName, stream, new BsonDocument { ["contentType"] = contentType });
        return Task.CompletedTask;
    }

    public Task<StoredFile?> GetAsync(string id, CancellationToken ct = default)
    {
        var file = database.FileStorage.FindById(id);
        if (file is null)
        {
            return Task.FromResult<StoredFile?>(null);
        }

        using var stream = new MemoryStream();
        file.CopyTo(stream);
        var contentType = file.Metadata.TryGetValue("contentType", out var type) ? type.AsString : "application/octet-stream";
        return Task.FromResult<StoredFile?>(new StoredFile(id, file.Filename, contentType, stream.ToArray()));
    }
}

internal static class LiteDbJson
{
    public static BsonDocument ToBson<T>(string id, T document)
    {
        var bson = (BsonDocument)FromJson(DocumentJson.ToElement(document));
        bson["_id"] = id;
        return bson;
    }

    public static T ToDocument<T>(BsonDocument bson)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, bson);
        }

        return DocumentJson.FromUtf8<T>(buffer.WrittenSpan);
    }

    private static BsonValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new BsonDocument(element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value))),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => new BsonValue(element.GetString()),
        JsonValueKind.Number when element.TryGetInt32(out var i) => new BsonValue(i),
        JsonValueKind.Number when element.TryGetInt64(out var l) => new BsonValue(l),
        JsonValueKind.Number => new BsonValue(element.GetDouble()),
        JsonValueKind.True => new BsonValue(true),
        JsonValueKind.False => new BsonValue(false),
        _ => BsonValue.Null,
    };

    private static void Write(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.Type)
        {
            case BsonType.Document:
                writer.WriteStartObject();
                foreach (var (name, child) in value.AsDocument)
                {
                    if (name == "_id")
                    {
                        continue;
                    }

                    writer.WritePropertyName(name);
                    Write(writer, child);
                }

                writer.WriteEndObject();
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var child in value.AsArray)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                break;
            case BsonType.String: writer.WriteStringValue(value.AsString); break;
            case BsonType.Int32: writer.WriteNumberValue(value.AsInt32); break;
            case BsonType.Int64: writer.WriteNumberValue(value.AsInt64); break;
            case BsonType.Double: writer.WriteNumberValue(value.AsDouble); break;
            case BsonType.Decimal: writer.WriteNumberValue(value.AsDecimal); break;
            case BsonType.Boolean: writer.WriteBooleanValue(value.AsBoolean); break;
            case BsonType.DateTime: writer.WriteStringValue(value.AsDateTime.ToUniversalTime()); break;
            default: writer.WriteNullValue(); break;
        }
    }
}
