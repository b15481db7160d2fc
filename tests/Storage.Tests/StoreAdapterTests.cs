using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Storage.Tests;

/// <summary>The adapters the contract runs against in this run: LiteDB always, MongoDB when MONGODB_URI is set.</summary>
public static class StoreAdapters
{
    public const string LiteDb = "litedb";
    public const string MongoDb = "mongodb";

    private static readonly Lazy<IDocumentStore> LiteDbStore = new(() =>
        new LiteDbDocumentStore(Path.Combine(TestEnvironment.NewDataDirectory("litedb"), "contract.db")));

    private static readonly Lazy<IDocumentStore> MongoDbStore = new(() =>
        new MongoDocumentStore(TestEnvironment.MongoUri!, "platform-contract-" + Guid.NewGuid().ToString("N")[..8]));

    public static TheoryData<string> Available()
    {
        var adapters = new TheoryData<string> { LiteDb };
        if (TestEnvironment.MongoUri is not null)
        {
            adapters.Add(MongoDb);
        }

        return adapters;
    }

    public static IDocumentStore Open(string adapter) => adapter switch
    {
        LiteDb => LiteDbStore.Value,
        MongoDb => MongoDbStore.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(adapter), adapter, "Unknown adapter"),
    };
}

/// <summary>A fact that is reported as skipped, with the reason, where no MongoDB server is configured.</summary>
public sealed class MongoFactAttribute : FactAttribute
{
    public MongoFactAttribute()
    {
        if (TestEnvironment.MongoUri is null)
        {
            Skip = "MONGODB_URI is not set: the MongoDB adapter's contract tests were skipped (they run against LiteDB only).";
        }
    }
}

public sealed class MongoDbAdapterTests
{
    [MongoFact]
    public async Task MongoDB_adapter_is_reachable_and_in_the_contract_run()
    {
        Assert.Contains(StoreAdapters.MongoDb, StoreAdapters.Available().Cast<object[]>().Select(row => (string)row[0]));
        await StoreAdapters.Open(StoreAdapters.MongoDb).PingAsync();
    }
}
