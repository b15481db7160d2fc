using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using VisionEHalsa.Reporting.Rendering;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Reporting.Editions;

/// <summary>
/// An edition's file in a format, rendered from the edition's source the first time it is asked for if it was not
/// rendered with the edition, and stored under an id of its own (<c>{year}|{edition}|later.{format}</c>) for every
/// later download. One process renders a file once at a time; two replicas may both render it, and the renderers
/// give the same bytes for the same source, so either copy is the file.
/// </summary>
public sealed class EditionFiles(ReportEditions editions, ILogger<EditionFiles> logger)
{
    private static readonly Histogram<double> Rendering = PlatformMetrics.Meter.CreateHistogram<double>(
        "platform.reports.later_rendering", unit: "ms", description: "Time to render a format of an edition after the edition was stored");

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _rendering = new(StringComparer.Ordinal);

    public static string LaterFileId(ReportEdition edition, ReportFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{edition.Id}|later.{format.Extension}");

    /// <summary>The file, or null when the edition has no such format (an edition from before sources were kept).</summary>
    public async Task<StoredFile?> GetAsync(ReportEdition edition, ReportFormat format, CancellationToken ct)
    {
        if (edition.FileIdFor(format) is { } id)
        {
            return await editions.Files.GetAsync(id, ct);
        }

        if (edition.SourceFileId is null)
        {
            return null;
        }

        var laterId = LaterFileId(edition, format);
        if (await editions.Files.GetAsync(laterId, ct) is { } rendered)
        {
            return rendered;
        }

        var gate = _rendering.GetOrAdd(laterId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await editions.Files.GetAsync(laterId, ct) ?? await RenderAsync(edition, format, laterId, ct);
        }
        finally
        {
            gate.Release();
            _rendering.TryRemove(laterId, out _);
        }
    }

    /// <summary>Renders what the edition has not got yet; true when it has every format afterwards.</summary>
    public async Task<bool> CompleteAsync(ReportEdition edition, Func<bool> stop, CancellationToken ct)
    {
        foreach (var format in ReportFormat.AfterTheEdition)
        {
            if (stop())
            {
                return false;
            }

            await GetAsync(edition, format, ct);
        }

        return true;
    }

    private async Task<StoredFile?> RenderAsync(ReportEdition edition, ReportFormat format, string id, CancellationToken ct)
    {
        if (await editions.SourceOfAsync(edition, ct) is not { } source)
        {
            logger.LogError("Edition {Edition} of the report for {Year} names a source that is missing; its {Format} cannot be rendered",
                edition.Edition, edition.Year, format.Extension);
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var bytes = ReportFiles.Render(source.Content(), format);
        Rendering.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("format", format.Extension));
        var fileName = format.FileName(edition.Year, edition.Edition);
        await editions.Files.SaveAsync(id, fileName, format.ContentType, bytes, ct);
        return new StoredFile(id, fileName, format.ContentType, bytes);
    }
}
