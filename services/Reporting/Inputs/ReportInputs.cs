using System.Security.Cryptography;
using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Reporting.Inputs;

/// <summary>Everything one year's report is made from, read from this service's own store.</summary>
public sealed record ReportInputs(
    int Year,
    IReadOnlyList<StoredCalculation> Calculations,
    IReadOnlyList<StoredCalculation> EarlierYears,
    StoredStrategy? Strategy,
    IReadOnlyList<StoredRound> Rounds)
{
    /// <summary>How many years an indicator's series shows, the report's own year included.</summary>
    public const int SeriesYears = 10;

    /// <summary>Raised when the report's layout or content rules change, so every year gets one new edition.</summary>
    private const int ContentVersion = 2;

    public ReportBasis Basis { get; } = new(
        Calculations.Select(c => c.CalculationId).Order(StringComparer.Ordinal).ToList(), Strategy?.Version ?? 0);

    public StrategyPeriod? Period => PeriodFor(Strategy?.Strategy, Year);

    /// <summary>
    /// What the report shows besides this year's calculations: the strategy's vision and period of the year,
    /// the earlier years of the series, and what the rounds expected. A strategy change elsewhere, or a
    /// calculation of a year the series does not reach, leaves it alone and so needs no new edition.
    /// </summary>
    public string Fingerprint()
    {
        var shown = JsonSerializer.SerializeToUtf8Bytes(new
        {
            ContentVersion,
            Strategy?.Strategy.Vision,
            Period,
            Earlier = EarlierYears.Select(c => c.CalculationId).Order(StringComparer.Ordinal),
            Rounds = Rounds.Select(r => new { r.Id, r.Population, r.Expected }),
        }, DocumentJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(shown));
    }

    public static async Task<ReportInputs?> LoadAsync(int year, Calculations calculations, Strategies strategies, Rounds rounds, CancellationToken ct)
    {
        var current = await calculations.ForYearAsync(year, ct);
        if (current.Count == 0)
        {
            return null;
        }

        var earlier = await calculations.ForYearsAsync(year - SeriesYears + 1, year - 1, ct);
        var roundIds = current.Select(c => c.RoundId).ToHashSet(StringComparer.Ordinal);
        var known = (await rounds.ForYearAsync(year, ct)).Where(r => roundIds.Contains(r.Id)).ToList();
        return new ReportInputs(year, current, earlier, await strategies.CurrentAsync(ct), known);
    }

    public static StrategyPeriod? PeriodFor(StrategySnapshot? strategy, int year) =>
        strategy?.Periods.Where(p => p.From <= year && year <= p.To).OrderByDescending(p => p.From).FirstOrDefault();
}
