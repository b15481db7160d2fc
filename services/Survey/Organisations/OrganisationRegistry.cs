using System.Reflection;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Survey.Organisations;

/// <summary>
/// The 290 kommuner and 21 regions, read once from the reference data embedded in the assembly
/// (SCB codes, SKR:s kommungruppsindelning 2023).
/// </summary>
public sealed class OrganisationRegistry
{
    private readonly Dictionary<string, Organisation> _byId;

    public OrganisationRegistry(IEnumerable<County> counties, IEnumerable<Organisation> organisations)
    {
        Counties = counties.OrderBy(c => c.Lanskod, StringComparer.Ordinal).ToList();
        All = organisations.ToList();
        _byId = All.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<County> Counties { get; }

    /// <summary>Kommuner first, then regions, each in code order.</summary>
    public IReadOnlyList<Organisation> All { get; }

    public Organisation? Find(string id) => _byId.GetValueOrDefault(id);

    public OrganisationRef? ToRef(string id) => Find(id)?.ToRef();

    public IEnumerable<Organisation> OfType(string type) => All.Where(o => o.Type == type);

    public static string KommunId(string kommunkod) => $"{OrganisationTypes.Kommun}:{kommunkod}";

    public static string RegionId(string lanskod) => $"{OrganisationTypes.Region}:{lanskod}";

    public static OrganisationRegistry LoadEmbedded()
    {
        var lan = ReadRows("lan.csv", "lanskod,lan").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var kommuner = ReadRows("kommuner.csv", "kommunkod,kommun,lanskod,lan,kommungrupp")
            .Select(r => new Organisation(KommunId(r[0]), r[1], OrganisationTypes.Kommun, r[2], r[3], r[4]));
        var regioner = ReadRows("regioner.csv", "lanskod,region")
            .Select(r => new Organisation(RegionId(r[0]), r[1], OrganisationTypes.Region, r[0], lan[r[0]], null));
        return new OrganisationRegistry(lan.Select(l => new County(l.Key, l.Value)), kommuner.Concat(regioner));
    }

    private static IEnumerable<string[]> ReadRows(string file, string header)
    {
        var name = "Organisations.Data." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded reference data {name} is missing.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != header)
        {
            throw new InvalidOperationException($"{name} does not start with the header '{header}'.");
        }

        var width = header.Split(',').Length;
        var rows = new List<string[]>();
        foreach (var line in lines.Skip(1))
        {
            var row = line.Split(',');
            if (row.Length != width)
            {
                throw new InvalidOperationException($"{name}: the row '{line}' does not have {width} fields.");
            }

            rows.Add(row);
        }

        return rows;
    }
}
