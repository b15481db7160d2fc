using System.Text.Json.Nodes;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Tests;

internal static class TestData
{
    public const string Vision = "År 2025 ska Sverige vara bäst i världen på att använda de möjligheter som digitalisering och e-hälsa erbjuder.";

    public static readonly IndicatorDescription Digplan =
        new("DIGPLAN", "Styrande dokument för digitalisering", "share", "%", true, "DIGPLAN == true", null);

    public static readonly IndicatorDescription Persres =
        new("PERSRES", "Personalresurser för e-hälsa, välfärdsteknik", "share", "%", true, "PERSRES == true", null);

    private static int _strategyVersion = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1_735_689_600) * 10;

    private static int _year = Random.Shared.Next(300, 400) * 10;

    /// <summary>
    /// A year far from real ones, so leftovers on the shared broker never meet this test's data, and far from
    /// every other test's year: a report's series reaches ten years back, so neighbours would share data.
    /// </summary>
    public static int NewYear() => Interlocked.Add(ref _year, 40);

    public static string NewRound() => "round-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Ever higher, and above anything the strategy service's own tests put on the broker.</summary>
    public static int NextStrategyVersion() => Interlocked.Increment(ref _strategyVersion);

    public static IndicatorsRecalculated Calculation(int year, string round, DateTimeOffset watermark, int responses, params IndicatorValue[] values) =>
        new($"{round}-{watermark.ToUnixTimeMilliseconds()}-{responses}", round, "ehalsa-kommun", year, DateTimeOffset.UtcNow,
            new CalculationBasis(responses, watermark), [Digplan, Persres], values);

    public static IndicatorValue Riket(string indicator, double numerator, double denominator) =>
        new(indicator, IndicatorLevels.Riket, "SE", "Riket", Share(numerator, denominator), numerator, denominator, (int)denominator);

    public static IndicatorValue Lan(string indicator, string code, string name, double numerator, double denominator) =>
        new(indicator, IndicatorLevels.Lan, code, name, Share(numerator, denominator), numerator, denominator, (int)denominator);

    public static IndicatorValue Kommungrupp(string indicator, string code, double numerator, double denominator) =>
        new(indicator, IndicatorLevels.Kommungrupp, code, code, Share(numerator, denominator), numerator, denominator, (int)denominator);

    public static StrategyChanged Strategy(int version, StrategyPeriod period) =>
        new(version, DateTimeOffset.UtcNow, "test-kansli", new StrategySnapshot(Vision, [period]));

    public static StrategyPeriod Period(int from, int to, double? digplanTarget) =>
        new($"{from}-{to}", $"Strategi {from}–{to}", from, to,
            [new StrategyGoal("4", "Utveckling och digital transformation i samverkan", "")],
            [],
            [new StrategyTarget("DIGPLAN", "4", digplanTarget, to, null)]);

    public static IReadOnlyList<string> Ids(this JsonObject edition) =>
        edition["basedOn"]!["calculationIds"]!.AsArray().Select(i => (string)i!).ToList();

    private static double? Share(double numerator, double denominator) => denominator == 0 ? null : 100 * numerator / denominator;
}
