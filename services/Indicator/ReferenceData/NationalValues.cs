using System.Globalization;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Indicator.ReferenceData;

/// <summary>A national value published before the platform existed, with where it was published.</summary>
public sealed record ReferencePoint(string Indicator, int Year, string Area, double Value, int? Respondents, string Source, string? Note);

/// <summary>
/// The published national values of earlier years (embedded <c>national-values.csv</c>), read once at start-up
/// so a time series can show where an indicator stood before the platform's first round.
/// </summary>
public sealed class NationalValues(IReadOnlyList<ReferencePoint> points)
{
    /// <summary>The area of national rows that covers every verksamhet.</summary>
    public const string AllAreas = "Samtliga";

    public static NationalValues LoadEmbedded() => new(
    [
        .. CsvRows.ReadEmbedded("national-values.csv")
            .Where(row => row["level"] == IndicatorLevels.Riket)
            .Select(row => new ReferencePoint(
                row["indicator"],
                int.Parse(row["year"], CultureInfo.InvariantCulture),
                row["area"],
                double.Parse(row["value"], CultureInfo.InvariantCulture),
                row["respondents"] is { Length: > 0 } respondents ? int.Parse(respondents, CultureInfo.InvariantCulture) : null,
                row["source"],
                row["note"] is { Length: > 0 } note ? note : null)),
    ]);

    /// <summary>
    /// The national reference points of <paramref name="indicator"/>, one per year. Without an area: those for
    /// "Samtliga", or for the code's only area when all its national values share one; with an area (e.g.
    /// "Äldreomsorg"): those for that area.
    /// </summary>
    public IReadOnlyList<ReferencePoint> For(string indicator, string? area)
    {
        var national = points.Where(p => p.Indicator == indicator).ToList();
        var areas = national.Select(p => p.Area).Distinct(StringComparer.Ordinal).ToList();
        var chosen = area is not null ? areas.FirstOrDefault(a => string.Equals(a, area, StringComparison.OrdinalIgnoreCase))
            : areas.Contains(AllAreas) ? AllAreas
            : areas.Count == 1 ? areas[0]
            : null;
        return chosen is null
            ? []
            : [.. national.Where(p => p.Area == chosen).GroupBy(p => p.Year).Select(year => year.First()).OrderBy(p => p.Year)];
    }
}
