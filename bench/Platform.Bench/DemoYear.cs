using System.Globalization;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Inputs;

namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// A report year shaped like the platform's demo round, as <c>tests/Reporting.Tests</c> renders it: 290 kommuner
/// answering 15 indicators, values for riket, every län, kommungrupp and kommun, four earlier years in the series and a
/// strategy period with targets. Deterministic: each kommun's answers follow from its code and the year.
/// </summary>
public static class DemoYear
{
    private const string Vision = "År 2025 ska Sverige vara bäst i världen på att använda de möjligheter som digitalisering och e-hälsa erbjuder.";

    private static readonly (string Code, string Name, int Share, string Goal, double? Target)[] Catalogue =
    [
        ("DIGPLAN", "Andel kommuner med styrande dokument för digitalisering", 72, "4", 80),
        ("PERSRES", "Andel kommuner med avsatta personalresurser för e-hälsa och välfärdsteknik", 76, "4", null),
        ("KVAL_LS", "Andel kommuner vars ledningssystem omfattar välfärdsteknik", 68, "4", null),
        ("SAKID", "Andel kommuner med säker identitets- och behörighetshantering i samtliga system", 22, "3", 30),
        ("SAKID_HSL", "Andel kommuner där all hälso- och sjukvårdspersonal använder stark autentisering", 93, "3", null),
        ("NPO", "Andel kommuner där samtliga vårdenheter är anslutna till NPÖ", 81, "2", 75),
        ("ETJ_EKB", "Andel kommuner med e-tjänst för ansökan om ekonomiskt bistånd", 63, "1", null),
        ("ETJ_BU", "Andel kommuner med minst en e-tjänst inom barn och unga", 79, "1", null),
        ("AUTO_EKB", "Andel kommuner med automatiserad handläggning av ekonomiskt bistånd", 27, "4", null),
        ("MOBDOK_HT", "Andel kommuner där hemtjänstens personal kan dokumentera mobilt", 84, "2", null),
        ("STRUKDOK", "Andel kommuner som använder strukturerad dokumentation i kvalitetsarbetet", 61, "2", null),
        ("TRYGG_HELDIG", "Andel kommuner med enbart digitala trygghetslarm", 35, "1", null),
        ("NATT_KAM", "Andel kommuner som erbjuder nattlig kameratillsyn i äldreomsorgen", 80, "1", null),
        ("TILLSYN_DAG", "Andel kommuner som erbjuder digital tillsyn dagtid inom funktionshinderområdet", 15, "1", null),
        ("GPS_LARM", "Andel kommuner som erbjuder GPS-larm", 70, "1", null),
    ];

    private sealed record Kommun(int Index, string Id, string Name, string Lanskod, string Lan, string Kommungrupp);

    private static readonly Lazy<IReadOnlyList<Kommun>> Kommuner = new(LoadKommuner);

    public static int KommunCount => Kommuner.Value.Count;

    /// <summary>The inputs of <paramref name="year"/>'s report; <paramref name="flipped"/> kommuner answer the other way (an earlier edition).</summary>
    public static ReportInputs Inputs(int year, DateTimeOffset now, IReadOnlySet<int>? flipped = null)
    {
        var round = $"demo-{year}";
        var earlier = Enumerable.Range(1, 4)
            .Select(back => StoredCalculation.From(Calculation(year - back, $"{round}-{year - back}", now.AddDays(-365 * back), back, null), 1)).ToList();
        var period = new StrategyPeriod($"{year - 2}-{year}", $"Strategi {year - 2}–{year}", year - 2, year,
            [
                new("1", "Individen som medskapare", "Gemensam infrastruktur för socialtjänstens digitalisering hör hit."),
                new("2", "Rätt kunskap och information", "Nationell patientöversikt (NPÖ) hör hit."),
                new("3", "Trygg och säker informationshantering", "Sammanhållen identitet och behörighet hör hit."),
                new("4", "Utveckling och digital transformation i samverkan", "Teknik, kvalitet och effektivitet med den äldre i fokus hör hit."),
            ],
            [],
            [.. Catalogue.Select(c => new StrategyTarget(c.Code, c.Goal, c.Target, year, null))]);
        var strategy = new StoredStrategy("current", 1, now, new StrategySnapshot(Vision, [period]));
        return new ReportInputs(year, [StoredCalculation.From(Calculation(year, round, now, 0, flipped), 1)], earlier, strategy,
            [new StoredRound(round, "vision-ehalsa-kommun", year, KommunRegister.KommunPopulation, KommunCount, now.AddDays(-30))]);
    }

    private static IndicatorsRecalculated Calculation(int year, string round, DateTimeOffset watermark, int yearsBack, IReadOnlySet<int>? flipped)
    {
        var kommuner = Kommuner.Value;
        var descriptions = Catalogue.Select(c => new IndicatorDescription(c.Code, c.Name, "share", "%", true, $"{c.Code} == true", null)).ToList();
        var values = new List<IndicatorValue>();
        foreach (var (indicator, i) in Catalogue.Select((c, i) => (c, i)))
        {
            var yes = kommuner.Select(k => Answer(k, i, indicator.Share - (4 * yearsBack)) ^ (flipped?.Contains(k.Index) ?? false)).ToArray();
            values.Add(Value(indicator.Code, IndicatorLevels.Riket, "SE", "Riket", kommuner, yes));
            values.AddRange(kommuner.GroupBy(k => k.Lanskod).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Value(indicator.Code, IndicatorLevels.Lan, g.Key, g.First().Lan, [.. g], yes)));
            values.AddRange(kommuner.GroupBy(k => k.Kommungrupp).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Value(indicator.Code, IndicatorLevels.Kommungrupp, g.Key, g.Key, [.. g], yes)));
            values.AddRange(kommuner.Select(k => Value(indicator.Code, IndicatorLevels.Organisation, k.Id, k.Name, [k], yes)));
        }

        return new IndicatorsRecalculated($"{round}-{watermark.ToUnixTimeMilliseconds()}", round, "vision-ehalsa-kommun", year, watermark.AddSeconds(1),
            new CalculationBasis(kommuner.Count, watermark), descriptions, values);
    }

    private static bool Answer(Kommun kommun, int indicator, int share)
    {
        var code = int.Parse(kommun.Id["kommun:".Length..], CultureInfo.InvariantCulture);
        return ((long)code * (7919 + (104_729L * indicator)) + (3 * indicator)) % 100 < share;
    }

    private static IndicatorValue Value(string indicator, string level, string area, string name, IReadOnlyList<Kommun> members, bool[] yes)
    {
        var numerator = members.Count(k => yes[k.Index]);
        return new IndicatorValue(indicator, level, area, name, Math.Round(100.0 * numerator / members.Count, 6), numerator, members.Count, members.Count);
    }

    private static List<Kommun> LoadKommuner()
    {
        using var stream = typeof(KommunRegister).Assembly.GetManifestResourceStream("Data.kommuner.csv")
            ?? throw new InvalidOperationException("The reporting service's embedded kommuner.csv is missing.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.TrimEnd('\r').Split(','))
            .Select((f, i) => new Kommun(i, $"kommun:{f[0]}", f[1], f[2], f[3], f[4]))];
    }
}
