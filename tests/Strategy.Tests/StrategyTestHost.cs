using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Strategy.Tests;

/// <summary>A strategy service on a store of its own, so version numbers start from the seed in every test.</summary>
internal static class StrategyTestHost
{
    public static ServiceFactory<Program> Start() => new();

    public static async Task<JsonObject> GetStrategyAsync(this HttpClient client) => await client.GetObjectAsync("/api/v1/strategy");

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public static JsonObject Period(this JsonObject strategy, string id) =>
        strategy["periods"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["id"] == id);

    public static JsonObject Target(this JsonObject period, string indicator) =>
        period["targets"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string?)t["indicator"] == indicator);

    /// <summary>The faults of a 422, by field; fails unless the answer is a 422 problem.</summary>
    public static async Task<JsonObject> ErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
    }

    public static string Error(this JsonObject errors, string field) =>
        string.Join(" | ", (errors[field] ?? throw new Xunit.Sdk.XunitException($"No fault for '{field}' in {errors.ToJsonString()}")).AsArray().Select(m => (string)m!));

    /// <summary>Waits for the bus: an event published before the consumer queue is bound would be lost.</summary>
    public static Task WaitUntilReadyAsync(this HttpClient client) =>
        EventuallyAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK ? "ready" : null, TimeSpan.FromSeconds(60));

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
