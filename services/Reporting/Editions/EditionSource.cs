using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Inputs;

namespace VisionEHalsa.Reporting.Editions;

/// <summary>
/// What an edition was made from, stored with it: the same inputs, number, time and changes build the same content,
/// so a format rendered later is the one the edition would have had.
/// </summary>
public sealed record EditionSource(ReportInputs Inputs, int Edition, DateTimeOffset GeneratedAt, EditionChanges Changes)
{
    public ReportContent Content() => ReportContent.Build(Inputs, Edition, GeneratedAt, Changes);

    /// <summary>Of the earlier years only the national values are kept: the report shows nothing else of them (its series).</summary>
    public static EditionSource Of(ReportInputs inputs, int edition, DateTimeOffset generatedAt, EditionChanges changes) => new(
        inputs with { EarlierYears = [.. inputs.EarlierYears.Select(c => c with { Values = [.. c.Values.Where(v => v.Level == IndicatorLevels.Riket)] })] },
        edition, generatedAt, changes);
}
