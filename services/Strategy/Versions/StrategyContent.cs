using VisionEHalsa.Contracts;
using VisionEHalsa.Strategy.Targets;

namespace VisionEHalsa.Strategy.Versions;

/// <summary>
/// The strategy as this service keeps it: the shape of <see cref="StrategySnapshot"/> plus what the contract
/// does not carry yet (each target's comparator). Stored JSON is a superset of the contract's, so versions
/// stored before comparators existed read back unchanged.
/// </summary>
public sealed record StrategyContent(string Vision, IReadOnlyList<Period> Periods)
{
    public static StrategyContent Empty { get; } = new(string.Empty, []);

    public Period? Period(string id) => Periods.FirstOrDefault(p => p.Id == id);

    /// <summary>Replaces the period with the same id, or adds it; periods stay in chronological order.</summary>
    public StrategyContent WithPeriod(Period period) =>
        this with
        {
            Periods = Periods
                .Where(p => p.Id != period.Id)
                .Append(period)
                .OrderBy(p => p.From)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .ToList(),
        };

    public StrategySnapshot ToSnapshot() => new(Vision, Periods.Select(p => p.ToContract()).ToList());
}

public sealed record Period(
    string Id,
    string Title,
    int From,
    int To,
    IReadOnlyList<StrategyGoal> Goals,
    IReadOnlyList<StrategyInitiative> Initiatives,
    IReadOnlyList<Target> Targets)
{
    public StrategyPeriod ToContract() => new(Id, Title, From, To, Goals, Initiatives, Targets.Select(t => t.ToContract()).ToList());
}

/// <summary>
/// A measurable target. <see cref="TargetValue"/> is null where the strategy sets no number; <see cref="Comparator"/>
/// is null where the target follows its indicator's direction.
/// </summary>
public sealed record Target(string Indicator, string Goal, double? TargetValue, int TargetYear, int? BaselineYear, Comparator? Comparator = null)
{
    public StrategyTarget ToContract() => new(Indicator, Goal, TargetValue, TargetYear, BaselineYear, Comparator?.Text());

    public bool Is(string indicator, int year) => Indicator == indicator && TargetYear == year;
}
