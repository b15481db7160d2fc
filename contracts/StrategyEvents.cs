namespace VisionEHalsa.Contracts;

/// <summary>The whole strategy after a change, so reporting never has to ask for it.</summary>
public sealed record StrategyChanged(int Version, DateTimeOffset ChangedAt, string ChangedBy, StrategySnapshot Strategy);

public sealed record StrategySnapshot(string Vision, IReadOnlyList<StrategyPeriod> Periods);

public sealed record StrategyPeriod(
    string Id,
    string Title,
    int From,
    int To,
    IReadOnlyList<StrategyGoal> Goals,
    IReadOnlyList<StrategyInitiative> Initiatives,
    IReadOnlyList<StrategyTarget> Targets);

public sealed record StrategyGoal(string Code, string Title, string Description);

public sealed record StrategyInitiative(string Code, string Title, string? Owner, string? Status, IReadOnlyList<string> Goals);

/// <summary>A measurable target. <see cref="TargetValue"/> is null where the strategy sets no number.</summary>
/// <param name="Comparator">"atLeast" or "atMost"; null follows the indicator's HigherIsBetter (atLeast while unknown).
/// Optional, so events written before it existed still read.</param>
public sealed record StrategyTarget(string Indicator, string Goal, double? TargetValue, int TargetYear, int? BaselineYear, string? Comparator = null);
