using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Editions;

/// <summary>An edition's metadata as the API shows it.</summary>
public sealed record EditionView(
    int Year,
    int Edition,
    string Status,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? PublishedAt,
    ReportBasis BasedOn,
    IReadOnlyList<string> Formats)
{
    public static EditionView From(ReportEdition edition) => new(
        edition.Year,
        edition.Edition,
        edition.Status,
        edition.GeneratedAt,
        edition.PublishedAt,
        edition.BasedOn,
        edition.Files.Select(f => f.Format).ToList());
}
