using System.Buffers;
using System.Text.Json;
using LiteDB;

namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>
/// The embedded adapter: one LiteDB file per service, so the platform runs without a database server. Reads run on
/// the caller's thread; writes go through <see cref="LiteDbWriter"/>, which commits them in groups and flushes each
/// group to the disk before the callers continue. <paramref name="shared"/> lets several processes use one file.
/// </summary>
public sealed class LiteDbDocumentStore : IDocumentStore, IDisposable
{
    private readonly LiteDbFile _file;
    private readonly LiteDbWriter _writer;

    public LiteDbDocumentStore(string fileName, bool shared = false)
    {
        _file = new LiteDbFile(fileName, shared);
        _writer = new LiteDbWriter(_file);
        Files = new LiteDbFileStore(_file, _writer);
    }

    public string Kind => _file.Shared ? "litedb-shared" : "litedb";

    public bool SoleProcess => !_file.Shared;

    public IFileStore Files { get; }

    public IDocumentCollection<T> Collection<T>(string name) where T : class => new LiteDbCollection<T>(name, _file, _writer);

    /// <summary>Reads the catalogue; after a failed write, also proves that a write gets through again.</summary>
    public async Task PingAsync(CancellationToken ct = default)
    {
        _ = _file.Read(database => database.GetCollectionNames().Count());
        if (_writer.Failing || _file.ReopenRequested)
        {
            await _writer.WriteAsync(_ => true);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}

internal sealed class LiteDbCollection<T>(string name, LiteDbFile file, LiteDbWriter writer) : IDocumentCollection<T> where T : class
{
    public Task<T?> GetAsync(string id, CancellationToken ct = default)
    {
        var document = file.Read(database => database.GetCollection(name).FindById(id));
        return Task.FromResult(document is null ? null : LiteDbJson.ToDocument<T>(document));
    }

    public async Task<bool> TryInsertAsync(string id, T document, CancellationToken ct = default)
    {
        var bson = LiteDbJson.ToBson(id, document);
        try
        {
            // Looked up first: a duplicate key inside a group would roll the whole group back.
            return await writer.WriteAsync(database =>
            {
                var collection = database.GetCollection(name);
                if (collection.FindById(id) is not null)
                {
                    return false;
                }

                collection.Insert(bson);
                return true;
            });
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public Task UpsertAsync(string id, T document, CancellationToken ct = default)
    {
        var bson = LiteDbJson.ToBson(id, document);
        return writer.WriteAsync(database => database.GetCollection(name).Upsert(bson));
    }

    public Task<bool> TryReplaceAsync(string id, T document, string field, long expected, CancellationToken ct = default)
    {
        // The check and the update run on the one writer thread, so no other write comes between.
        var bson = LiteDbJson.ToBson(id, document);
        return writer.WriteAsync(database =>
        {
            var collection = database.GetCollection(name);
            var current = collection.FindById(id);
            if (current is null || !current.TryGetValue(field, out var value) || !value.IsNumber || value.AsInt64 != expected)
            {
                return false;
            }

            return collection.Update(bson);
        });
    }

    public Task<bool> SetFieldAsync(string id, string field, object? value, CancellationToken ct = default) =>
        writer.WriteAsync(database =>
        {
            var collection = database.GetCollection(name);
            var current = collection.FindById(id);
            if (current is null)
            {
                return false;
            }

            current[field] = new BsonValue(value);
            return collection.Update(current);
        });

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        writer.WriteAsync(database => database.GetCollection(name).Delete(id));

    public Task<IReadOnlyList<T>> FindAsync(Query query, CancellationToken ct = default)
    {
        var documents = file.Read(database =>
        {
            var q = Filtered(database, query);
            if (query.OrderBy is not null)
            {
                q = query.Descending ? q.OrderByDescending(Query_.Path(query.OrderBy)) : q.OrderBy(Query_.Path(query.OrderBy));
            }

            return query.Limit is { } limit ? q.Limit(limit).ToList() : q.ToList();
        });
        IReadOnlyList<T> result = documents.Select(LiteDbJson.ToDocument<T>).ToList();
        return Task.FromResult(result);
    }

    public Task<long> CountAsync(Query query, CancellationToken ct = default) =>
        Task.FromResult(file.Read(database => Filtered(database, query).LongCount()));

    public Task EnsureIndexAsync(string field, CancellationToken ct = default) =>
        writer.WriteAsync(database => database.GetCollection(name).EnsureIndex(field, Query_.Path(field)));

    private ILiteQueryable<BsonDocument> Filtered(LiteDatabase database, Query query)
    {
        var q = database.GetCollection(name).Query();
        foreach (var (field, value) in query.Conditions)
        {
            q = q.Where(Query_.Eq(field, value));
        }

        return q;
    }
}

/// <summary>Builds LiteDB expressions with parameters, never by pasting values into text.</summary>
internal static class Query_
{
    public static BsonExpression Path(string field) => BsonExpression.Create("$." + field);

    public static BsonExpression Eq(string field, object? value) =>
        BsonExpression.Create("$." + field + " = @0", new BsonValue(value));
}

internal sealed class LiteDbFileStore(LiteDbFile file, LiteDbWriter writer) : IFileStore
{
    public Task SaveAsync(string id, string fileName, string contentType, byte[] content, CancellationToken ct = default) =>
        writer.WriteAsync(database =>
        {
            using var stream = new MemoryStream(content);
            return database.FileStorage.Upload(id, fileName, stream, new BsonDocument { ["contentType"] = contentType });
        });

    public Task<StoredFile?> GetAsync(string id, CancellationToken ct = default) =>
        Task.FromResult(file.Read<StoredFile?>(database =>
        {
            var stored = database.FileStorage.FindById(id);
            if (stored is null)
            {
                return null;
            }

            using var stream = new MemoryStream();
            stored.CopyTo(stream);
            var contentType = stored.Metadata.TryGetValue("contentType", out var type) ? type.AsString : "application/octet-stream";
            return new StoredFile(id, stored.Filename, contentType, stream.ToArray());
        }));
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
