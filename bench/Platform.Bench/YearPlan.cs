namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// A report year per round, so each measurement gets an edition of its own. Years rise within a block: a year's report
/// shows the nine before it in its series, while a round of an earlier year would make every later report regenerate.
/// Blocks lie ten years or more apart, so one kind of measurement never shows in another's reports.
/// </summary>
public sealed class YearPlan
{
    private static readonly Dictionary<string, int> Starts = new(StringComparer.Ordinal)
    {
        ["throughput"] = 2000,
        ["freshness"] = 2030,
        ["freshness-large"] = 2060,
    };

    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    public int Next(string purpose)
    {
        var used = _used.GetValueOrDefault(purpose);
        if (used >= 20)
        {
            throw new InvalidOperationException($"More than 20 {purpose} rounds: their years would reach the next block (rounds take years 2000 to 2100).");
        }

        _used[purpose] = used + 1;
        return Starts[purpose] + used;
    }
}
