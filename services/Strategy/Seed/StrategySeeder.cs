using System.Text.Json;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy.Seed;

/// <summary>
/// Stores Vision e-hälsa 2025 as version 1 when the store holds no strategy yet. Replicas starting together
/// race for version 1 and the store lets only one win.
/// </summary>
public sealed class StrategySeeder(StrategyVersions versions, ILogger<StrategySeeder> logger) : IHostedService
{
    public const string ResourceName = "Seed.vision-ehalsa-2025.json";
    public const string SeededBy = "seed";

    private static readonly Lazy<StrategyContent> Seed = new(Read);

    /// <summary>The indicator codes the seeded targets use: known to be indicators before any calculation names them.</summary>
    public static IReadOnlySet<string> IndicatorCodes { get; } =
        Seed.Value.Periods.SelectMany(p => p.Targets).Select(t => t.Indicator).ToHashSet(StringComparer.Ordinal);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await versions.EnsureIndexesAsync(cancellationToken);
        var seed = Load();
        var result = await versions.AppendAsync(current => Edit.To(current ?? seed), SeededBy, cancellationToken);
        if (result.Changed)
        {
            logger.LogInformation("Seeded the strategy as version {Version} with {Periods} periods", result.Version!.Version, seed.Periods.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static StrategyContent Load() => Seed.Value;

    private static StrategyContent Read()
    {
        using var stream = typeof(StrategySeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded strategy seed {ResourceName} is missing.");
        var seed = JsonSerializer.Deserialize<SeedFile>(stream, DocumentJson.Options)
            ?? throw new InvalidOperationException($"The embedded strategy seed {ResourceName} is empty.");
        return new StrategyContent(seed.Vision, seed.Periods);
    }

    // The file also carries a "source" note for readers; only the strategy itself is loaded.
    private sealed record SeedFile(string Vision, IReadOnlyList<Period> Periods);
}
