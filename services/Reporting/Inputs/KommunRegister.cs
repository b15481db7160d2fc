using System.Text;

namespace VisionEHalsa.Reporting.Inputs;

/// <summary>A län or kommungrupp and how many kommuner it has.</summary>
public sealed record RegisterArea(string Code, string Name, int Kommuner);

/// <summary>
/// The 290 kommuner of the embedded reference file, counted per län and per kommungrupp: how many a round of
/// kommuner expects in each area. Events do not carry the survey's organisation list, and counts are all a
/// response rate needs.
/// </summary>
public sealed class KommunRegister
{
    public const string KommunPopulation = "kommun";

    private static readonly Lazy<KommunRegister> Loaded = new(Load);

    private KommunRegister(IReadOnlyList<string[]> rows)
    {
        Count = rows.Count;
        Lan = rows.GroupBy(r => r[2], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegisterArea(g.Key, g.First()[3], g.Count())).ToList();
        Kommungrupper = rows.GroupBy(r => r[4], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegisterArea(g.Key, g.Key, g.Count())).ToList();
    }

    public static KommunRegister Embedded => Loaded.Value;

    public int Count { get; }

    public IReadOnlyList<RegisterArea> Lan { get; }

    public IReadOnlyList<RegisterArea> Kommungrupper { get; }

    private static KommunRegister Load()
    {
        using var stream = typeof(KommunRegister).Assembly.GetManifestResourceStream("Data.kommuner.csv")
            ?? throw new InvalidOperationException("The embedded kommuner.csv is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // No field of this file is quoted or holds a comma (its README says so), so a split is a parse.
        var rows = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.TrimEnd('\r').Split(','))
            .ToList();
        return rows.Count == 0 || rows.Any(r => r.Length != 5)
            ? throw new InvalidOperationException("The embedded kommuner.csv does not have five columns per row.")
            : new KommunRegister(rows);
    }
}
