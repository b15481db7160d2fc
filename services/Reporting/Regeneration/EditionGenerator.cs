using System.Diagnostics;
using System.Diagnostics.Metrics;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Rendering;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>Generates the next edition of one year's report from the newest stored inputs, unless they are what the latest edition shows.</summary>
public sealed class EditionGenerator(
    Calculations calculations,
    Strategies strategies,
    ReportEditions editions,
    TimeProvider time,
    ILogger<EditionGenerator> logger)
{
    private const int Attempts = 5;
    private static readonly Counter<long> Generated = PlatformMetrics.Meter.CreateCounter<long>(
        "platform.reports.generated", description: "Report editions generated");

    public async Task<ReportEdition?> GenerateAsync(int year, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var inputs = await calculations.ForYearAsync(year, ct);
            if (inputs.Count == 0)
            {
                return null;
            }

            var strategy = await strategies.CurrentAsync(ct);
            var basis = new ReportBasis(inputs.Select(c => c.CalculationId).Order(StringComparer.Ordinal).ToList(), strategy?.Version ?? 0);
            var fingerprint = ReportContent.Fingerprint(strategy?.Strategy, year);
            var latest = await editions.LatestAsync(year, ct);
            if (latest is not null && latest.IsBasedOn(basis, fingerprint))
            {
                return null;
            }

            var number = (latest?.Edition ?? 0) + 1;
            var content = ReportContent.Build(year, number, time.GetUtcNow(), inputs, strategy?.Strategy);
            var files = await SaveFilesAsync(content, ct);
            var edition = new ReportEdition(
                ReportEdition.IdFor(year, number), year, number, EditionStatus.Draft, content.GeneratedAt, basis, fingerprint,
                files, PublishedAt: null, PublishedBy: null, Relayed: false, Activity.Current?.Id);
            if (await editions.TryAddAsync(edition, ct))
            {
                Activity.Current?.SetTag("platform.report.edition", number);
                Generated.Add(1);
                logger.LogInformation("Generated edition {Edition} of the report for {Year} from {Calculations} and strategy version {StrategyVersion}",
                    number, year, basis.CalculationIds, basis.StrategyVersion);
                return edition;
            }
        }

        throw new InvalidOperationException($"Other writers kept taking the next edition number of {year}.");
    }

    public Task EnsureIndexesAsync(CancellationToken ct) =>
        Task.WhenAll(calculations.EnsureIndexesAsync(ct), editions.EnsureIndexesAsync(ct));

    private async Task<IReadOnlyList<ReportFile>> SaveFilesAsync(ReportContent content, CancellationToken ct)
    {
        var files = new List<ReportFile>();
        foreach (var (format, bytes) in new[] { (ReportFormat.Pdf, PdfReport.Render(content)), (ReportFormat.Csv, CsvReport.Render(content)) })
        {
            var id = $"{ReportEdition.IdFor(content.Year, content.Edition)}|{Guid.NewGuid():N}.{format.Extension}";
            await editions.Files.SaveAsync(id, format.FileName(content.Year, content.Edition), format.ContentType, bytes, ct);
            files.Add(new ReportFile(format.Extension, id));
        }

        return files;
    }
}
