using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Strategy.Tests;

/// <summary>
/// Target statuses from <c>IndicatorsRecalculated</c> on the run's broker. Every host sees every test's events,
/// so these use indicator codes of their own and years no other test uses.
/// </summary>
public sealed class TargetStatusFlowTests
{
    private static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static IndicatorsRecalculated Calculation(
        string round, int year, DateTimeOffset watermark, IReadOnlyList<IndicatorDescription> indicators, params (string Code, double? Value)[] riket) =>
        new($"{round}-{watermark.ToUnixTimeMilliseconds()}", round, "ehalsa-kommun", year, DateTimeOffset.UtcNow, new CalculationBasis(100, watermark),
            indicators,
            riket.Select(v => new IndicatorValue(v.Code, IndicatorLevels.Riket, "SE", "Riket", v.Value, v.Value ?? 0, 100, 100))
                .Append(new IndicatorValue(riket[0].Code, IndicatorLevels.Lan, "01", "Stockholms län", 99, 99, 100, 100))
                .ToList());

    private static IndicatorDescription Indicator(string code, bool higherIsBetter) =>
        new(code, "Nyckeltal " + code, "share", "%", higherIsBetter, code + " == true", null);

    [Fact]
    public async Task Published_indicator_values_give_each_target_its_status()
    {
        await using var factory = StrategyTestHost.Start();
        var client = factory.ClientWithToken(TestAuth.Kansli());
        await client.WaitUntilReadyAsync();
        var bus = factory.Services.GetRequiredService<IBus>();
        var (rising, falling) = (NewCode("UP"), NewCode("DOWN"));
        IndicatorDescription[] indicators = [Indicator(rising, higherIsBetter: true), Indicator(falling, higherIsBetter: false)];
        var rounds = Enumerable.Range(0, 3).Select(_ => "round-" + Guid.NewGuid().ToString("N")[..10]).ToArray();
        var now = DateTimeOffset.UtcNow;
        await bus.Publish(Calculation(rounds[0], 2088, now, indicators, (rising, 60), (falling, 30)));
        await bus.Publish(Calculation(rounds[1], 2089, now, indicators, (rising, 65), (falling, 25)));
        await bus.Publish(Calculation(rounds[2], 2090, now, indicators, (rising, 70), (falling, 20)));
        var periodId = "t-" + Guid.NewGuid().ToString("N")[..8];
        var period = new
        {
            title = "Testperiod", from = 2089, to = 2092,
            goals = new[] { new { code = "1", title = "Individen som medskapare" } },
            initiatives = Array.Empty<object>(),
            targets = new[]
            {
                new { indicator = rising, goal = "1", targetValue = 80, targetYear = 2092 },
                new { indicator = falling, goal = "1", targetValue = 20, targetYear = 2092 },
            },
        };

        // The codes are unknown until the consumer has stored the calculations naming them.
        await StrategyTestHost.EventuallyAsync(async () =>
            (await client.PutAsJsonAsync($"/api/v1/strategy/periods/{periodId}", period)).StatusCode == HttpStatusCode.OK ? "stored" : null);
        var values = factory.Services.GetRequiredService<IndicatorValues>();
        await StrategyTestHost.EventuallyAsync(async () => (await values.FactsAsync(default)).Values(falling).Count == 3 ? "all three" : null);
        var statuses = await client.GetObjectAsync($"/api/v1/strategy/targets/status?period={periodId}");

        var up = Status(statuses, rising);
        Assert.Equal(("onTrack", "atLeast", 70.0, 5.0, 80.0), ((string)up["status"]!, (string)up["comparator"]!, (double)up["latestValue"]!, (double)up["trendPerYear"]!, (double)up["projectedValue"]!));
        var down = Status(statuses, falling);
        Assert.Equal(("met", "atMost", 20.0, -5.0), ((string)down["status"]!, (string)down["comparator"]!, (double)down["latestValue"]!, (double)down["trendPerYear"]!));
        var target = (await client.GetStrategyAsync()).Period(periodId).Target(rising);
        Assert.Equal(("onTrack", 2092), ((string)target["status"]!["status"]!, (int)target["status"]!["targetYear"]!));

        // A newer calculation of the last round replaces its value; the trend no longer reaches the target.
        await bus.Publish(Calculation(rounds[2], 2090, now.AddMinutes(1), indicators, (rising, 69), (falling, 20)));
        var after = await StrategyTestHost.EventuallyAsync(async () =>
        {
            var list = await client.GetObjectAsync($"/api/v1/strategy/targets/status?period={periodId}");
            return (double?)Status(list, rising)["latestValue"] == 69 ? list : null;
        });
        Assert.Equal(("offTrack", 4.5), ((string)Status(after, rising)["status"]!, (double)Status(after, rising)["trendPerYear"]!));
    }

    [Fact]
    public async Task A_round_keeps_its_latest_calculation_whatever_the_order_of_arrival()
    {
        using var store = new LiteDbDocumentStore(Path.Combine(TestEnvironment.NewDataDirectory("strategy-values"), "strategy.db"));
        var values = new IndicatorValues(store);
        var code = NewCode("ORD");
        IndicatorDescription[] indicators = [Indicator(code, higherIsBetter: true)];
        var round = "round-" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow;
        var newer = Calculation(round, 2024, now.AddMinutes(1), indicators, (code, 75));

        Assert.True(await values.KeepLatestAsync(newer, default));
        Assert.False(await values.KeepLatestAsync(Calculation(round, 2024, now, indicators, (code, 10)), default));
        Assert.True(await values.KeepLatestAsync(newer, default));
        Assert.True(await values.KeepLatestAsync(Calculation(round, 2025, now, indicators, (code, null)) with { RoundId = round + "-b" }, default));

        var facts = await values.FactsAsync(default);
        Assert.Equal([(2024, 75.0)], facts.Values(code).Select(v => (v.Year, v.Value)));
        Assert.Contains(code, facts.Codes);
    }

    private static JsonObject Status(JsonObject list, string indicator) =>
        list["targets"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string?)t["indicator"] == indicator);
}
