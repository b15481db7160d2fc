using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Indicator.Tests.Service;

/// <summary>
/// One indicator service for all service tests: a second instance would compete for the same queues on the
/// broker and take the other's messages. Each test uses its own questionnaire, round and indicator codes.
/// </summary>
public sealed class IndicatorServiceFixture : IAsyncLifetime
{
    public FakeSurvey Survey { get; } = new();

    public ServiceFactory<Program> Factory { get; } = new();

    public IBus Bus => Factory.Services.GetRequiredService<IBus>();

    public async Task InitializeAsync()
    {
        // The fake survey starts first: the factory must be the only host being built while it starts.
        await Survey.StartAsync();
        Factory.Settings["Services:survey"] = Survey.Address;
        using var client = Factory.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the indicator service's bus and store never became ready");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Survey.DisposeAsync();
    }

    /// <summary>Waits until the round has been recalculated with everything written to it so far.</summary>
    public Task SettledAsync(string roundId, TimeSpan timeout) =>
        Eventually.TrueAsync(async () =>
            await Factory.Services.GetRequiredService<RoundStates>().GetAsync(roundId, CancellationToken.None) is { Dirty: false, LastCalculationId: not null },
            timeout, $"round {roundId} was never recalculated");

    public static async Task<List<IndicatorValueRow>> ValuesAsync(HttpClient client, string indicator, string level, int year = 2025) =>
        await client.GetFromJsonAsync<List<IndicatorValueRow>>($"/api/v1/indicators/values?year={year}&indicator={indicator}&level={level}") ?? [];

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static string NewCode(string prefix) => $"{prefix}_{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    public static OrganisationRef Kommun(string kommunkod, string name, string lanskod, string lan, string kommungrupp) =>
        new($"kommun:{kommunkod}", name, "kommun", lanskod, lan, kommungrupp);
}

[CollectionDefinition(Name)]
public sealed class IndicatorServiceCollection : ICollectionFixture<IndicatorServiceFixture>
{
    public const string Name = "indicator service";
}

public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{failure} within {timeout.TotalSeconds:0} s");
    }
}
