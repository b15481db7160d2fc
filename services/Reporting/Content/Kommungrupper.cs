namespace VisionEHalsa.Reporting.Content;

/// <summary>SKR's kommungruppsindelning 2023: the names the report shows beside the codes the values carry.</summary>
public static class Kommungrupper
{
    private static readonly Dictionary<string, (string Name, string Short)> Names = new(StringComparer.Ordinal)
    {
        ["A1"] = ("Storstäder", "Storstäder"),
        ["A2"] = ("Pendlingskommun nära storstad", "Pendling nära storstad"),
        ["B3"] = ("Större stad", "Större stad"),
        ["B4"] = ("Pendlingskommun nära större stad", "Pendling nära större stad"),
        ["B5"] = ("Lågpendlingskommun nära större stad", "Lågpendling nära större stad"),
        ["C6"] = ("Mindre stad/tätort", "Mindre stad/tätort"),
        ["C7"] = ("Pendlingskommun nära mindre tätort", "Pendling nära mindre tätort"),
        ["C8"] = ("Landsbygdskommun", "Landsbygd"),
        ["C9"] = ("Landsbygdskommun med besöksnäring", "Landsbygd med besöksnäring"),
    };

    /// <summary>"B3 Större stad"; a code SKR does not have is shown as the values name it.</summary>
    public static string Label(string code, string areaName) =>
        Names.TryGetValue(code, out var name) ? $"{code} {name.Name}" : areaName == code ? code : $"{code} {areaName}";

    /// <summary>A label short enough for a chart's axis.</summary>
    public static string ShortLabel(string code, string areaName) =>
        Names.TryGetValue(code, out var name) ? $"{code} {name.Short}" : Label(code, areaName);
}
