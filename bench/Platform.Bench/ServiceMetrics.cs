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
}
