using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;

namespace VisionEHalsa.Reporting.Editions;

/// <summary>An edition's metadata as lists show it; <see cref="ChangeCount"/> says how many values moved since the edition before.</summary>
public sealed record EditionView(
    int Year,
    int Edition,
    string Status,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? PublishedAt,
    ReportBasis BasedOn,
    IReadOnlyList<string> Formats,
    int ChangeCount)
{
    public static EditionView From(ReportEdition edition) => new(
        edition.Year,
        edition.Edition,
        edition.Status,
        edition.GeneratedAt,
        edition.PublishedAt,
        edition.BasedOn,
        [.. edition.Formats],
        edition.ChangeCount);
}

/// <summary>
/// One edition's metadata with the values that moved since the previous edition (<see cref="ChangesSince"/>,
/// null for a year's first edition): changed values with their delta, added ones with no <c>from</c>,
/// removed ones with no <c>to</c>.
/// </summary>
public sealed record EditionDetails(
    int Year,
    int Edition,
    string Status,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? PublishedAt,
    ReportBasis BasedOn,
    IReadOnlyList<string> Formats,
    int? ChangesSince,
    IReadOnlyList<ValueChange> Changes)
{
    public static EditionDetails From(ReportEdition edition, IReadOnlyList<ValueChange> changes) => new(
        edition.Year,
        edition.Edition,
        edition.Status,
        edition.GeneratedAt,
        edition.PublishedAt,
        edition.BasedOn,
        [.. edition.Formats],
        edition.ChangesSince,
        changes);
}
