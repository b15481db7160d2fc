using System.Text;
using System.Text.Json;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Storage.Tests;

public sealed record SampleDocument(
    string Id,
    string RoundId,
    int Version,
    bool Relayed,
    long Sequence,
    double Share,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, JsonElement> Answers,
    IReadOnlyList<string> Tags);

/// <summary>
/// The storage port's contract. Every adapter runs these same tests: LiteDB always, MongoDB whenever
/// MONGODB_URI points at a server (<see cref="MongoDbAdapterTests"/> says so when it does not).
/// </summary>
public sealed class DocumentStoreContract
{
    public static TheoryData<string> Adapters => StoreAdapters.Available();

    private static IDocumentCollection<SampleDocument> NewCollection(IDocumentStore store) =>
        store.Collection<SampleDocument>("c" + Guid.NewGuid().ToString("N")[..12]);

    private static SampleDocument Sample(string id, string round = "r1", int version = 1, bool relayed = false) => new(
        id, round, version, relayed, 5_000_000_000L, 70.25, new DateTimeOffset(2026, 11, 23, 18, 30, 0, TimeSpan.Zero),
        new Dictionary<string, JsonElement>
        {
            ["DIGPLAN"] = JsonSerializer.SerializeToElement(true),
            ["ANTAL"] = JsonSerializer.SerializeToElement(12.5),
            ["TRYGGLARM"] = JsonSerializer.SerializeToElement("Ja, några – åäö"),
            ["VAL"] = JsonSerializer.SerializeToElement(new[] { "a", "b" }),
            ["TOM"] = JsonSerializer.SerializeToElement<string?>(null),
        },
        ["x", "y"]);

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task A_missing_document_reads_as_null(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        Assert.Null(await NewCollection(store).GetAsync("nothing-here"));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task A_document_reads_back_exactly_as_written(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        var written = Sample("a|kommun:0180|000001");
        Assert.True(await collection.TryInsertAsync(written.Id, written));

        var read = await collection.GetAsync(written.Id);

        Assert.NotNull(read);
        Assert.Equal(JsonSerializer.Serialize(written), JsonSerializer.Serialize(read));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Inserting_an_existing_id_is_refused_and_keeps_the_first(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        Assert.True(await collection.TryInsertAsync("d", Sample("d", version: 1)));

        Assert.False(await collection.TryInsertAsync("d", Sample("d", version: 2)));
        Assert.Equal(1, (await collection.GetAsync("d"))!.Version);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Of_many_concurrent_inserts_of_one_id_exactly_one_wins(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(v => Task.Run(() => collection.TryInsertAsync("same", Sample("same", version: v)))));
        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Upsert_creates_then_replaces(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        await collection.UpsertAsync("u", Sample("u", version: 1));
        await collection.UpsertAsync("u", Sample("u", version: 7));
        Assert.Equal(7, (await collection.GetAsync("u"))!.Version);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Conditional_replace_succeeds_only_on_the_expected_value(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        await collection.UpsertAsync("c", Sample("c", version: 3));

        Assert.False(await collection.TryReplaceAsync("c", Sample("c", version: 9), "version", 2));
        Assert.True(await collection.TryReplaceAsync("c", Sample("c", version: 4), "version", 3));
        Assert.Equal(4, (await collection.GetAsync("c"))!.Version);
        Assert.False(await collection.TryReplaceAsync("missing", Sample("missing"), "version", 1));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Setting_a_field_changes_only_that_field(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        await collection.UpsertAsync("s", Sample("s"));

        Assert.True(await collection.SetFieldAsync("s", "relayed", true));
        Assert.False(await collection.SetFieldAsync("absent", "relayed", true));

        var read = await collection.GetAsync("s");
        Assert.True(read!.Relayed);
        Assert.Equal(70.25, read.Share);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Delete_removes_the_document(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        await collection.UpsertAsync("x", Sample("x"));
        Assert.True(await collection.DeleteAsync("x"));
        Assert.False(await collection.DeleteAsync("x"));
        Assert.Null(await collection.GetAsync("x"));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task Find_filters_on_every_condition_orders_and_limits(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var collection = NewCollection(store);
        await collection.EnsureIndexAsync("roundId");
        for (var v = 1; v <= 5; v++)
        {
            await collection.UpsertAsync($"r1-{v}", Sample($"r1-{v}", "r1", v, relayed: v % 2 == 0));
            await collection.UpsertAsync($"r2-{v}", Sample($"r2-{v}", "r2", v));
        }

        var latest = await collection.FindAsync(Query.Where("roundId", "r1").OrderByDescending("version").Take(2));
        var pending = await collection.FindAsync(Query.Where("roundId", "r1").And("relayed", false).OrderByAscending("version"));

        Assert.Equal([5, 4], latest.Select(d => d.Version));
        Assert.Equal([1, 3, 5], pending.Select(d => d.Version));
        Assert.Equal(5, await collection.CountAsync(Query.Where("roundId", "r2")));
        Assert.Equal(10, await collection.CountAsync(Query.All));
        Assert.Equal(2, await collection.CountAsync(Query.Where("version", 3)));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task A_file_reads_back_with_its_name_and_type(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        var content = Encoding.UTF8.GetBytes("indicator,name\nDIGPLAN,Digitaliseringsplan – åäö\n");
        var id = "report-" + Guid.NewGuid().ToString("N");
        await store.Files.SaveAsync(id, "rapport.csv", "text/csv", content);

        var file = await store.Files.GetAsync(id);

        Assert.NotNull(file);
        Assert.Equal("rapport.csv", file.FileName);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal(content, file.Content);
        Assert.Null(await store.Files.GetAsync("no-such-file"));
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public async Task The_store_answers_a_ping(string adapter)
    {
        var store = StoreAdapters.Open(adapter);
        await store.PingAsync();
    }
}
