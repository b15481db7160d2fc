using System.Globalization;

namespace VisionEHalsa.Platform.Bench;

/// <summary>A histogram from a service's Prometheus <c>/metrics</c>: how many were recorded and their mean.</summary>
public sealed record HistogramReading(string Name, long Count, double Mean);

public static class ServiceMetrics
{
    /// <summary>Sums every label set of the histogram whose name starts with <paramref name="prefix"/> (the exporter appends the unit).</summary>
    public static async Task<HistogramReading> ReadAsync(HttpClient service, string prefix)
    {
        var (sum, count) = (0.0, 0L);
        foreach (var line in (await service.GetStringAsync("/metrics")).Split('\n'))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = line.Split('{', ' ')[0];
            // "name{labels} value [timestamp]": the value is the first field after the labels.
            var rest = line[(line.Contains('}') ? line.LastIndexOf('}') + 1 : name.Length)..];
            var value = double.Parse(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Float, CultureInfo.InvariantCulture);
            if (name.EndsWith("_sum", StringComparison.Ordinal))
            {
                sum += value;
            }
            else if (name.EndsWith("_count", StringComparison.Ordinal))
            {
                count += (long)value;
            }
        }

        return new HistogramReading(prefix, count, count == 0 ? double.NaN : Math.Round(sum / count, 1));
    }

    /// <summary>
    /// Names the managed heap's size goes by in a Prometheus scrape, whichever instrumentation a process has: .NET's
    /// own <c>System.Runtime</c> meter, or OpenTelemetry's runtime instrumentation. Summed over the generations.
    /// </summary>
    private static readonly string[] HeapNames = ["dotnet_gc_last_collection_heap_size_bytes", "process_runtime_dotnet_gc_heap_size_bytes"];

    /// <summary>The managed heap in MB as the process's <c>/metrics</c> reports it, or null when it reports none (or does not answer).</summary>
    public static async Task<double?> ManagedHeapMbAsync(HttpClient process, CancellationToken ct)
    {
        string scrape;
        try
        {
            scrape = await process.GetStringAsync("/metrics", ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }

        foreach (var heap in HeapNames)
        {
            var values = scrape.Split('\n')
                .Where(l => l.StartsWith(heap, StringComparison.Ordinal) && (l.Length == heap.Length || l[heap.Length] is '{' or ' '))
                .Select(l => double.Parse(l[(l.Contains('}') ? l.LastIndexOf('}') + 1 : heap.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0],
                    NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToList();
            if (values.Count > 0)
            {
                return Math.Round(values.Sum() / (1024 * 1024), 1);
            }
        }

        return null;
    }
}
