using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Strategy.Tests;

/// <summary>A strategy service on a store of its own, so version numbers start from the seed in every test.</summary>
internal static class StrategyTestHost
{
    public static ServiceFactory<Program> Start() => new();

    public static async Task<JsonObject> GetStrategyAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/strategy");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static JsonObject Period(this JsonObject strategy, string id) =>
        strategy["periods"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["id"] == id);

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected state was not reached in time.");
            }

            await Task.Delay(100);
        }
    }
}
