using VisionEHalsa.Indicator.Calculations;

namespace VisionEHalsa.Indicator.ReferenceData;

/// <summary>
/// The 290 kommuner of the embedded reference file, counted per län and per kommungrupp: how many a round
/// of kommuner expects in each area. Events do not carry the survey's organisation list, and a count per
/// area is all coverage needs.
/// </summary>
public sealed class KommunRegister
{
    public const string KommunPopulation = "kommun";

    private static readonly Lazy<KommunRegister> Loaded = new(() => new KommunRegister(CsvRows.ReadEmbedded("kommuner.csv")));

    private KommunRegister(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Count = rows.Count;
        PerLan = CountBy(rows, "lanskod");
        PerKommungrupp = CountBy(rows, "kommungrupp");
    }

    public static KommunRegister Embedded => Loaded.Value;

    public int Count { get; }

    public IReadOnlyDictionary<string, int> PerLan { get; }

    public IReadOnlyDictionary<string, int> PerKommungrupp { get; }

    /// <summary>
    /// What a round expects: <paramref name="expected"/> (from <c>SurveyRoundOpened</c>) nationally, and per
    /// län and kommungrupp the kommuner of this register when the round's population is kommuner.
    /// </summary>
    public ExpectedPopulation ExpectedFor(string? population, int? expected) =>
        population == KommunPopulation
            ? new ExpectedPopulation(expected, PerLan, PerKommungrupp)
            : ExpectedPopulation.Unknown with { Riket = expected };

    private static Dictionary<string, int> CountBy(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, string column) =>
        rows.Select(r => r[column]).Where(v => v.Length > 0)
            .GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
