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
}
