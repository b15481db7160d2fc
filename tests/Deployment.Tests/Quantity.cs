using System.Globalization;

namespace VisionEHalsa.Deployment.Tests;

/// <summary>Kubernetes resource quantities ("250m", "1", "512Mi", "1Gi") as numbers, to compare requests with limits.</summary>
public static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("k", 1000m), ("M", 1000m * 1000), ("G", 1000m * 1000 * 1000), ("m", 0.001m),
    ];

    public static decimal Parse(string quantity)
    {
        foreach (var (suffix, factor) in Suffixes)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal))
            {
                return decimal.Parse(quantity[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
            }
        }

        return decimal.Parse(quantity, CultureInfo.InvariantCulture);
    }
}
