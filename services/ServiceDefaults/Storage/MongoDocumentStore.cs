using System.Buffers;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>The production adapter: MongoDB (a replica set, write concern majority), files in GridFS.</summary>
public sealed class MongoDocumentStore : IDocumentStore
{
    private readonly IMongoDatabase _database;

    public MongoDocumentStore(string connectionString, string databaseName)
    {
        var client = new MongoClient(connectionString);
        _database = client.GetDatabase(databaseName).WithWriteConcern(WriteConcern.WMajority);
        Files = new MongoFileStore(new GridFSBucket(_database));
    }

    public string Kind => "mongodb";

    public bool SoleProcess => false;

    public IFileStore Files { get; }

    public IDocumentCollection<T> Collection<T>(string name) where T : class =>
        new MongoCollection<T>(_database.GetCollection<BsonDocument>(name));

    public Task PingAsync(CancellationToken ct = default) =>
        _database.RunCommandAsync((Command<BsonDocument>)"{ping:1}", cancellationToken: ct);
}

internal sealed class MongoCollection<T>(IMongoCollection<BsonDocument> collection) : IDocumentCollection<T> where T : class
{
    private static FilterDefinition<BsonDocument> ById(string id) => Builders<BsonDocument>.Filter.Eq("_id", id);

    public async Task<T?> GetAsync(string id, CancellationToken ct = default)
    {
        var document = await collection.Find(ById(id)).FirstOrDefaultAsync(ct);
        return document is null ? null : MongoJson.ToDocument<T>(document);
    }

    public async Task<bool> TryInsertAsync(string id, T document, CancellationToken ct = default)
    {
        try
        {
            await collection.InsertOneAsync(MongoJson.ToBson(id, document), cancellationToken: ct);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public Task UpsertAsync(string id, T document, CancellationToken ct = default) =>
        collection.ReplaceOneAsync(ById(id), MongoJson.ToBson(id, document), new ReplaceOptions { IsUpsert = true }, ct);

    public async Task<bool> TryReplaceAsync(string id, T document, string field, long expected, CancellationToken ct = default)
    {
        var filter = ById(id) & Builders<BsonDocument>.Filter.Eq(field, expected);
        var result = await collection.ReplaceOneAsync(filter, MongoJson.ToBson(id, document), cancellationToken: ct);
        return result.ModifiedCount == 1;
    }

    public async Task<bool> SetFieldAsync(string id, string field, object? value, CancellationToken ct = default)
    {
        var update = Builders<BsonDocument>.Update.Set(field, BsonValue.Create(value));
        var result = await collection.UpdateOneAsync(ById(id), update, cancellationToken: ct);
        return result.MatchedCount == 1;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        (await collection.DeleteOneAsync(ById(id), ct)).DeletedCount == 1;

    public async Task<IReadOnlyList<T>> FindAsync(Query query, CancellationToken ct = default)
    {
        var find = collection.Find(Filter(query));
        if (query.OrderBy is not null)
        {
            var sort = Builders<BsonDocument>.Sort;
            find = find.Sort(query.Descending ? sort.Descending(query.OrderBy) : sort.Ascending(query.OrderBy));
        }

        if (query.Limit is { } limit)
        {
            find = find.Limit(limit);
        }

        var documents = await find.ToListAsync(ct);
        return documents.Select(MongoJson.ToDocument<T>).ToList();
    }

    public Task<long> CountAsync(Query query, CancellationToken ct = default) =>
        collection.CountDocumentsAsync(Filter(query), cancellationToken: ct);

    public Task EnsureIndexAsync(string field, CancellationToken ct = default) =>
        collection.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending(field)), cancellationToken: ct);

    private static FilterDefinition<BsonDocument> Filter(Query query)
    {
        var filter = Builders<BsonDocument>.Filter.Empty;
        foreach (var (field, value) in query.Conditions)
        {
            filter &= Builders<BsonDocument>.Filter.Eq(field, BsonValue.Create(value));
        }

        return filter;
    }
}

internal sealed class MongoFileStore(GridFSBucket bucket) : IFileStore
{
    public async Task SaveAsync(string id, string fileName, string contentType, byte[] content, CancellationToken ct = default)
    {
        var options = new GridFSUploadOptions { Metadata = new BsonDocument { ["fileId"] = id, ["contentType"] = contentType } };
        await bucket.UploadFromBytesAsync(fileName, content, options, ct);
    }

    public async Task<StoredFile?> GetAsync(string id, CancellationToken ct = default)
    {
        var filter = Builders<GridFSFileInfo>.Filter.Eq("metadata.fileId", id);
        var sort = Builders<GridFSFileInfo>.Sort.Descending(f => f.UploadDateTime);
        using var cursor = await bucket.FindAsync(filter, new GridFSFindOptions { Sort = sort, Limit = 1 }, ct);
        var info = await cursor.FirstOrDefaultAsync(ct);
        if (info is null)
        {
            return null;
        }

        var content = await bucket.DownloadAsBytesAsync(info.Id, cancellationToken: ct);
        return new StoredFile(id, info.Filename, info.Metadata["contentType"].AsString, content);
    }
}

internal static class MongoJson
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
        JsonValueKind.Object => new BsonDocument(element.EnumerateObject().Select(p => new BsonElement(p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => new BsonString(element.GetString()),
        JsonValueKind.Number when element.TryGetInt32(out var i) => new BsonInt32(i),
        JsonValueKind.Number when element.TryGetInt64(out var l) => new BsonInt64(l),
        JsonValueKind.Number => new BsonDouble(element.GetDouble()),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        _ => BsonNull.Value,
    };

    private static void Write(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.Document:
                writer.WriteStartObject();
                foreach (var element in value.AsBsonDocument)
                {
                    if (element.Name == "_id")
                    {
                        continue;
                    }

                    writer.WritePropertyName(element.Name);
                    Write(writer, element.Value);
                }

                writer.WriteEndObject();
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var child in value.AsBsonArray)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                break;
            case BsonType.String: writer.WriteStringValue(value.AsString); break;
            case BsonType.Int32: writer.WriteNumberValue(value.AsInt32); break;
            case BsonType.Int64: writer.WriteNumberValue(value.AsInt64); break;
            case BsonType.Double: writer.WriteNumberValue(value.AsDouble); break;
            case BsonType.Decimal128: writer.WriteNumberValue((decimal)value.AsDecimal128); break;
            case BsonType.Boolean: writer.WriteBooleanValue(value.AsBoolean); break;
            case BsonType.DateTime: writer.WriteStringValue(value.ToUniversalTime()); break;
            default: writer.WriteNullValue(); break;
        }
    }
}
