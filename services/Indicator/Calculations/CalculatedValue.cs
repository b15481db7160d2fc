using VisionEHalsa.Contracts;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// A value for one indicator and area with how far it can be trusted: <see cref="Expected"/> organisations in
/// the area, <see cref="Coverage"/> = respondents / expected, and a <see cref="Quality"/> flag. The contract
/// event carries them too.
/// </summary>
public sealed record CalculatedValue(
    string Indicator,
    string Level,
    string Area,
    string AreaName,
    double? Value,
    double Numerator,
    double Denominator,
    int Respondents,
    int? Expected,
    double? Coverage,
    string? Quality)
{
    public IndicatorValue ToContract() => new(Indicator, Level, Area, AreaName, Value, Numerator, Denominator, Respondents, Expected, Coverage, Quality);
}

public static class ValueQuality
{
    /// <summary>Fewer than 60 % of the expected organisations answered: the value may not speak for the area.</summary>
    public const string LowCoverage = "low_coverage";

    /// <summary>The value rests on fewer than 5 (organisations, or units for a ratio): one answer moves it a lot.</summary>
    public const string SmallDenominator = "small_denominator";

    public const double MinimumCoverage = 0.6;
    public const double MinimumDenominator = 5;

    public static double? Coverage(int respondents, int? expected) =>
        expected is > 0 ? Math.Round((double)respondents / expected.Value, 6, MidpointRounding.AwayFromZero) : null;

    /// <summary>Low coverage is named before a small denominator: it says more about the whole area.</summary>
    public static string? Flag(double? coverage, double denominator) =>
        coverage < MinimumCoverage ? LowCoverage
        : denominator < MinimumDenominator ? SmallDenominator
        : null;
}

/// <summary>How many organisations a round expects, nationally and per area; null where that is not known.</summary>
public sealed record ExpectedPopulation(int? Riket, IReadOnlyDictionary<string, int> PerLan, IReadOnlyDictionary<string, int> PerKommungrupp)
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();

    public static ExpectedPopulation Unknown { get; } = new(null, None, None);

    public int? Lan(string lanskod) => PerLan.TryGetValue(lanskod, out var count) ? count : null;

    public int? Kommungrupp(string kommungrupp) => PerKommungrupp.TryGetValue(kommungrupp, out var count) ? count : null;
}
