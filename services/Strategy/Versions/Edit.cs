namespace VisionEHalsa.Strategy.Versions;

/// <summary>What an edit makes of the latest strategy: the next strategy, or why it does not apply.</summary>
public sealed record Edit(StrategyContent? Next, IReadOnlyDictionary<string, string[]>? Errors = null, string? Missing = null)
{
    public static Edit To(StrategyContent next) => new(next);

    public static Edit Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);

    public static Edit Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });

    public static Edit NotFound(string detail) => new(null, Missing: detail);
}

/// <summary>
/// The stored version (the latest unchanged when the edit altered nothing), the edit's refusal, or neither
/// when other writers kept winning the race (<see cref="Contended"/>).
/// </summary>
public sealed record AppendResult(StrategyVersion? Version, bool Changed, Edit? Refused = null)
{
    public static AppendResult Contended { get; } = new(null, false);
}
