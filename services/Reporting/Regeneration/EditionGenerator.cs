using System.Diagnostics;
using System.Diagnostics.Metrics;
using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Rendering;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>
/// Generates the next edition of one year's report from the newest stored inputs, unless they are what the latest
/// edition shows. Safe with several replicas on one store: the number is taken by inserting the edition under an id
/// that contains it (<c>{year}|{edition}</c>) only if absent, and a replica that finds it taken starts over with the
/// next one; the latest edition is read before the inputs, so (stored calculations and strategy only move forward)
/// the inputs are never older than what it used, and <see cref="OlderInput"/> refuses them if they were.
/// The edition is stored with its HTML and CSV and its source; PDF and XLSX follow (<see cref="EditionFiles"/>).
/// </summary>
public sealed class EditionGenerator(
    Calculations calculations,
    Strategies strategies,
    Rounds rounds,
    ReportEditions editions,
    TimeProvider time,
    ILogger<EditionGenerator> logger)
{
    private const int Attempts = 5;
    private static readonly Counter<long> Generated = PlatformMetrics.Meter.CreateCounter<long>(
        "platform.reports.generated", description: "Report editions generated");

    private static readonly Histogram<double> RenderTime = PlatformMetrics.Meter.CreateHistogram<double>(
        "platform.reports.rendering", unit: "ms", description: "Time to build one edition and render the formats made with it (HTML, CSV)");

    private static readonly Histogram<double> Freshness = PlatformMetrics.Meter.CreateHistogram<double>(
        "platform.reports.freshness", unit: "s", description: "Time from the newest accepted response an edition includes to the edition being stored");

    public async Task<ReportEdition?> GenerateAsync(int year, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // The latest edition first: inputs read after it include whatever it was made from.
            var latest = await editions.LatestAsync(year, ct);
            if (await ReportInputs.LoadAsync(year, calculations, strategies, rounds, ct) is not { } inputs)
            {
                return null;
            }

            var fingerprint = inputs.Fingerprint();
            if (latest is not null && latest.IsBasedOn(inputs.Basis, fingerprint))
            {
                return null;
            }

            if (latest is not null && OlderInput(latest, inputs) is { } older)
            {
                logger.LogWarning("No new edition of the report for {Year}: {Older} is older than what edition {Edition} used", year, older, latest.Edition);
                return null;
            }

            var number = (latest?.Edition ?? 0) + 1;
            var values = ReportContent.SnapshotOf(inputs);
            var changes = await ChangesSinceAsync(latest, values, ct);
            var rendering = Stopwatch.StartNew();
            var content = ReportContent.Build(inputs, number, time.GetUtcNow(), changes);

            // Saved side by side, so the store commits them together rather than one flush after another.
            var files = SaveFilesAsync(content, ct);
            var source = editions.SaveJsonAsync(year, number, "source", EditionSource.Of(inputs, number, content.GeneratedAt, changes), ct);
            var valuesFile = editions.SaveJsonAsync(year, number, "values", values, ct);
            var changesFile = editions.SaveJsonAsync(year, number, "changes", changes.Changes, ct);
            await Task.WhenAll(files, source, valuesFile, changesFile);
            RenderTime.Record(rendering.Elapsed.TotalMilliseconds);
            var edition = new ReportEdition(
                ReportEdition.IdFor(year, number), year, number, EditionStatus.Draft, content.GeneratedAt, inputs.Basis, fingerprint, await files,
                await valuesFile, await changesFile, changes.Since, changes.Changes.Count,
                PublishedAt: null, PublishedBy: null, Relayed: false, Activity.Current?.Id,
                [.. inputs.Calculations.Select(c => new CalculationUsed(c.RoundId, c.CalculationId, c.BasedOn, c.CalculatedAt))], await source);
            if (await editions.TryAddAsync(edition, ct))
            {
                Activity.Current?.SetTag("platform.edition", number);
                Generated.Add(1);
                if (inputs.Calculations.Count > 0)
                {
                    Freshness.Record((content.GeneratedAt - inputs.Calculations.Max(c => c.BasedOn.Watermark)).TotalSeconds);
                }

                logger.LogInformation("Generated edition {Edition} of the report for {Year} from {Calculations} and strategy version {StrategyVersion}; {Changes} values moved",
                    number, year, inputs.Basis.CalculationIds, inputs.Basis.StrategyVersion, changes.Changes.Count);
                return edition;
            }
        }

        throw new InvalidOperationException($"Other writers kept taking the next edition number of {year}.");
    }

    /// <summary>What in <paramref name="inputs"/> is older than what <paramref name="latest"/> was made from (a round's calculation, the strategy); null when nothing is.</summary>
    public static string? OlderInput(ReportEdition latest, ReportInputs inputs)
    {
        if (inputs.Basis.StrategyVersion < latest.BasedOn.StrategyVersion)
        {
            return $"strategy version {inputs.Basis.StrategyVersion}";
        }

        var current = inputs.Calculations.ToDictionary(c => c.RoundId, StringComparer.Ordinal);
        foreach (var used in latest.Used ?? [])
        {
            if (!current.TryGetValue(used.RoundId, out var now) ||
                StoredCalculation.IsNewer(used.BasedOn, used.CalculatedAt, now.BasedOn, now.CalculatedAt))
            {
                return $"the calculation of round {used.RoundId}";
            }
        }

        return null;
    }

    public Task EnsureIndexesAsync(CancellationToken ct) =>
        Task.WhenAll(calculations.EnsureIndexesAsync(ct), rounds.EnsureIndexesAsync(ct), editions.EnsureIndexesAsync(ct));

    /// <summary>Against the latest edition's published values; an edition from before values were kept gives an empty list.</summary>
    private async Task<EditionChanges> ChangesSinceAsync(ReportEdition? latest, IReadOnlyList<ValueSnapshot> values, CancellationToken ct)
    {
        if (latest is null)
        {
            return EditionChanges.First;
        }

        var before = await editions.ValuesOfAsync(latest, ct);
        return before is null ? new EditionChanges(latest.Edition, []) : EditionChanges.Between(latest.Edition, before, values);
    }

    private async Task<IReadOnlyList<ReportFile>> SaveFilesAsync(ReportContent content, CancellationToken ct)
    {
        var files = ReportFormat.WithTheEdition
            .Select(format => new ReportFile(format.Extension, $"{ReportEdition.IdFor(content.Year, content.Edition)}|{Guid.NewGuid():N}.{format.Extension}"))
            .ToList();
        await Task.WhenAll(files.Select(file =>
        {
            var format = ReportFormat.All.Single(f => f.Extension == file.Format);
            return editions.Files.SaveAsync(file.FileId, format.FileName(content.Year, content.Edition), format.ContentType, ReportFiles.Render(content, format), ct);
        }));
        return files;
    }
}
