using VisionEHalsa.Contracts;

namespace VisionEHalsa.Strategy.Versions;

/// <summary>The strategy as <c>GET /api/v1/strategy</c> returns it: the vision and every period, at one version.</summary>
public sealed record StrategyView(string Vision, int Version, DateTimeOffset ChangedAt, string ChangedBy, IReadOnlyList<StrategyPeriod> Periods)
{
    public static StrategyView From(StrategyVersion version) =>
        new(version.Strategy.Vision, version.Version, version.ChangedAt, version.ChangedBy, version.Strategy.Periods);
}

public static class StrategySnapshots
{
    public static StrategySnapshot Empty { get; } = new(string.Empty, []);

    /// <summary>Replaces the period with the same id, or adds it; periods stay in chronological order.</summary>
    public static StrategySnapshot WithPeriod(this StrategySnapshot strategy, StrategyPeriod period) =>
        strategy with
        {
            Periods = strategy.Periods
                .Where(p => p.Id != period.Id)
                .Append(period)
                .OrderBy(p => p.From)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .ToList(),
        };
}
