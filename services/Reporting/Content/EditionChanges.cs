using VisionEHalsa.Contracts;

namespace VisionEHalsa.Reporting.Content;

/// <summary>One published value of an edition, as the next edition compares against it.</summary>
public sealed record ValueSnapshot(string Indicator, string Level, string Area, string AreaName, double? Value);

public static class ChangeKinds
{
    public const string Changed = "changed";
    public const string Added = "added";
    public const string Removed = "removed";
}

/// <summary>A value that moved between two editions; <see cref="From"/> or <see cref="To"/> is null for an added or removed one.</summary>
public sealed record ValueChange(string Indicator, string Level, string Area, string AreaName, double? From, double? To, double? Delta, string Kind);

/// <summary>What moved since the previous edition (<see cref="Since"/>; null for a year's first edition).</summary>
public sealed record EditionChanges(int? Since, IReadOnlyList<ValueChange> Changes)
{
    public static EditionChanges First { get; } = new(null, []);

    private static readonly string[] LevelOrder = [IndicatorLevels.Riket, IndicatorLevels.Lan, IndicatorLevels.Kommungrupp, IndicatorLevels.Organisation];

    /// <summary>
    /// Compares the values as the report publishes them (one decimal), so the list names exactly the figures a
    /// reader sees change, plus the values that appeared or disappeared.
    /// </summary>
    public static EditionChanges Between(int since, IReadOnlyList<ValueSnapshot> before, IReadOnlyList<ValueSnapshot> after)
    {
        var old = before.DistinctBy(Key).ToDictionary(Key);
        var now = after.DistinctBy(Key).ToDictionary(Key);
        var changes = new List<ValueChange>();
        foreach (var (key, value) in now)
        {
            var to = Published(value.Value);
            if (!old.TryGetValue(key, out var was))
            {
                changes.Add(new ValueChange(value.Indicator, value.Level, value.Area, value.AreaName, null, to, null, ChangeKinds.Added));
            }
            else if (Published(was.Value) is var from && from != to)
            {
                changes.Add(new ValueChange(value.Indicator, value.Level, value.Area, value.AreaName, from, to,
                    from is { } f && to is { } t ? Math.Round(t - f, 1) : null, ChangeKinds.Changed));
            }
        }

        changes.AddRange(old.Where(o => !now.ContainsKey(o.Key)).Select(o =>
            new ValueChange(o.Value.Indicator, o.Value.Level, o.Value.Area, o.Value.AreaName, Published(o.Value.Value), null, null, ChangeKinds.Removed)));
        var ordered = changes
            .OrderBy(c => c.Indicator, StringComparer.Ordinal)
            .ThenBy(c => Array.IndexOf(LevelOrder, c.Level) is var i and >= 0 ? i : LevelOrder.Length)
            .ThenBy(c => c.Area, StringComparer.Ordinal)
            .ToList();
        return new EditionChanges(since, ordered);
    }

    public static IReadOnlyList<ValueSnapshot> SnapshotOf(IEnumerable<IndicatorValue> values) =>
        values.Select(v => new ValueSnapshot(v.Indicator, v.Level, v.Area, v.AreaName, v.Value)).ToList();

    private static (string, string, string) Key(ValueSnapshot value) => (value.Indicator, value.Level, value.Area);

    private static double? Published(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}
