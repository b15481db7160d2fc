using System.Globalization;

namespace VisionEHalsa.Platform.Bench;

/// <summary>One figure of the table: what was measured, its value, and the target it is held against (if any).</summary>
public sealed record Figure(string Section, string Measure, double Value, string Unit, string? Target, bool? Met, string? Note = null);

/// <summary>The figures as one table, each with its target and whether it was met.</summary>
public sealed class BenchTable
{
    public const string Freshness = "freshness";
    public const string Throughput = "throughput";
    public const string Recalculation = "recalculation";
    public const string ReportGeneration = "reportGeneration";
    public const string Memory = "memory";

    public static readonly string[] Sections = [Freshness, Throughput, Recalculation, ReportGeneration, Memory];

    private readonly List<Figure> _figures = [];

    public IReadOnlyList<Figure> Figures => _figures;

    public void Add(string section, string measure, double value, string unit, string? note = null) =>
        _figures.Add(new Figure(section, measure, value, unit, null, null, note));

    public void AtMost(string section, string measure, double value, string unit, double limit, string? note = null) =>
        _figures.Add(new Figure(section, measure, value, unit, $"≤ {Format(limit)} {unit}", value <= limit, note));

    public void AtLeast(string section, string measure, double value, string unit, double floor, string? note = null) =>
        _figures.Add(new Figure(section, measure, value, unit, $"≥ {Format(floor)}{(unit.Length > 0 ? " " + unit : "")}", value >= floor, note));

    public void Print(TextWriter output)
    {
        var widths = (measure: Math.Max(40, _figures.Max(f => f.Measure.Length)), value: 12, target: 14);
        output.WriteLine();
        output.WriteLine($"{"section",-17} {"measure".PadRight(widths.measure)} {"value",12} {"unit",-4} {"target",-14} result");
        output.WriteLine(new string('-', 17 + widths.measure + 12 + 4 + 14 + 12));
        foreach (var f in _figures)
        {
            var result = f.Met switch { true => "met", false => "NOT MET", null => "" };
            output.WriteLine($"{f.Section,-17} {f.Measure.PadRight(widths.measure)} {Format(f.Value),12} {f.Unit,-4} {f.Target ?? "",-14} {result}");
        }

        foreach (var note in _figures.Where(f => f.Note is not null).Select(f => f.Note!).Distinct())
        {
            output.WriteLine("  * " + note);
        }
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 ? value.ToString("F1", CultureInfo.InvariantCulture)
        : value.ToString("F2", CultureInfo.InvariantCulture);
}
