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

/// <summary>
/// One numbered edition of a year's report (id <c>{year}|{edition:D4}</c>). Its files never change once
/// stored; publishing only sets its status. It is the outbox entry of its <see cref="ReportGenerated"/>.
/// </summary>
public sealed record ReportEdition(
    string Id,
    int Year,
    int Edition,
    string Status,
    DateTimeOffset GeneratedAt,
    ReportBasis BasedOn,
    string StrategyFingerprint,
    IReadOnlyList<ReportFile> Files,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    bool Relayed,
    string? TraceParent) : IOutboxDocument
{
    public static string IdFor(int year, int edition) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}|{edition:D4}");

    public ReportGenerated ToEvent() => new(Year, Edition, GeneratedAt, BasedOn, Files.Select(f => f.Format).ToList());

    public string? FileIdFor(ReportFormat format) => Files.FirstOrDefault(f => f.Format == format.Extension)?.FileId;

    /// <summary>
    /// The same inputs: the same calculations, and the same strategy version or a newer one that changes
    /// nothing this year's report shows.
    /// </summary>
    public bool IsBasedOn(ReportBasis basis, string strategyFingerprint) =>
        BasedOn.CalculationIds.SequenceEqual(basis.CalculationIds, StringComparer.Ordinal) &&
        (BasedOn.StrategyVersion == basis.StrategyVersion || StrategyFingerprint == strategyFingerprint);
}
