using System.Globalization;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Reporting.Editions;

public static class EditionStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
}

/// <summary>A stored file of an edition; file ids are unique, so a writer that loses the race for a number overwrites nothing.</summary>
public sealed record ReportFile(string Format, string FileId);

/// <summary>Which calculation of a round an edition was made from, with what orders it among the round's calculations.</summary>
public sealed record CalculationUsed(string RoundId, string CalculationId, CalculationBasis BasedOn, DateTimeOffset CalculatedAt);

/// <summary>
/// One numbered edition of a year's report (id <c>{year}|{edition:D4}</c>). Its files never change once
/// stored; publishing only sets its status. It is the outbox entry of its <see cref="ReportGenerated"/>.
/// Besides the formats it keeps, as files, the values it published and what moved since
/// <see cref="ChangesSince"/>, so the next edition can compare and the list stays out of every listing.
/// <see cref="Used"/> (null for editions stored before it) says which calculation of each round it used, so a
/// later edition is never made from an older one. <see cref="SourceFileId"/> (null for editions stored before it, which
/// have every format among their files) names the inputs it was made from, so that the formats rendered after it was
/// stored come out as if rendered with it.
/// </summary>
public sealed record ReportEdition(
    string Id,
    int Year,
    int Edition,
    string Status,
    DateTimeOffset GeneratedAt,
    ReportBasis BasedOn,
    string InputsFingerprint,
    IReadOnlyList<ReportFile> Files,
    string? ValuesFileId,
    string? ChangesFileId,
    int? ChangesSince,
    int ChangeCount,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    bool Relayed,
    string? TraceParent,
    IReadOnlyList<CalculationUsed>? Used = null,
    string? SourceFileId = null) : IOutboxDocument
{
    public static string IdFor(int year, int edition) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}|{edition:D4}");

    public ReportGenerated ToEvent() => new(Year, Edition, GeneratedAt, BasedOn, [.. Formats]);

    /// <summary>
    /// Every format an edition offers. One with a stored source (<see cref="SourceFileId"/>) offers all four: those not
    /// rendered when it was made are rendered from the source when first asked for (<see cref="EditionFiles"/>).
    /// </summary>
    public IEnumerable<string> Formats => SourceFileId is null
        ? Files.Select(f => f.Format)
        : ReportFormat.All.Select(f => f.Extension);

    public string? FileIdFor(ReportFormat format) => Files.FirstOrDefault(f => f.Format == format.Extension)?.FileId;

    /// <summary>
    /// The same inputs: the same calculations of the year, and the same everything else the report shows
    /// (strategy period, earlier years of the series, what the rounds expected), whatever its version numbers.
    /// </summary>
    public bool IsBasedOn(ReportBasis basis, string inputsFingerprint) =>
        BasedOn.CalculationIds.SequenceEqual(basis.CalculationIds, StringComparer.Ordinal) &&
        InputsFingerprint == inputsFingerprint;
}
