using System.Globalization;
using System.Net;

using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Chaos.Tests;

/// <summary>
/// A fault's own questionnaire, two share indicators and an open round in a year of its own, created through the
/// gateway as the kansli would; and the plan of PUTs the stream sends to it.
/// </summary>
public sealed class ChaosRound(HttpClient kansli, int year)
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public int Year => year;

    public string QuestionnaireId => $"chaos-{Id.ToLowerInvariant()}";

    public string RoundId => $"chaos-round-{Id.ToLowerInvariant()}";

    public string PlanIndicator => $"CHAOSPLAN_{Id}";

    public string AlarmIndicator => $"CHAOSLARM_{Id}";

    public Task CreateAsync() => KommunRound.CreateAsync(kansli, new KommunRoundNames(
        QuestionnaireId, "E-hälsa i kommunerna (kaostest)", RoundId,
        PlanIndicator, $"Andel kommuner med digitaliseringsplan {Id}", AlarmIndicator, $"Andel kommuner med digitala trygghetslarm {Id}"), year);

    public Task<IReadOnlyList<string>> KommunerAsync() => KommunRound.KommunIdsAsync(kansli);

    /// <summary>
    /// Every kommun once, then corrections for every fifth kommun with other answers, and every 40th request with a
    /// wrong answer on purpose (a refusal the client can act on). A seed makes each fault's answers its own.
    /// </summary>
    public static List<Submission> Plan(IReadOnlyList<string> kommuner, int seed)
    {
        var random = new Random(seed);
        var plan = new List<Submission>();
        for (var i = 0; i < kommuner.Count; i++)
        {
            plan.Add(new Submission(plan.Count, kommuner[i], Answers(random), valid: true));
            if (plan.Count % 40 == 0)
            {
                plan.Add(new Submission(plan.Count, kommuner[i], new Dictionary<string, object> { ["DIGPLAN"] = "kanske" }, valid: false));
            }
        }

        for (var i = 0; i < kommuner.Count; i += 5)
        {
            plan.Add(new Submission(plan.Count, kommuner[i], Answers(random), valid: true));
        }

        return plan;
    }

    private static Dictionary<string, object> Answers(Random random) => new()
    {
        ["DIGPLAN"] = random.Next(10) < 7,
        ["TRYGGLARM"] = random.Next(3) switch { 0 => "Ja, alla", 1 => "Ja, några", _ => "Nej" },
        ["ANTAL"] = random.Next(4) == 0 ? 0 : random.Next(1, 5000),
    };

    /// <summary>Riket's numerator and denominator of both indicators as the latest receipt of every kommun says they must be.</summary>
    public IReadOnlyDictionary<string, (int Numerator, int Denominator)> Expected(IEnumerable<Submission> submissions)
    {
        var latest = submissions.Where(s => s.Accepted)
            .GroupBy(s => s.OrganisationId)
            .Select(g => g.MaxBy(s => s.Version)!.Answers)
            .ToList();
        return new Dictionary<string, (int, int)>
        {
            [PlanIndicator] = (latest.Count(a => (bool)a["DIGPLAN"]), latest.Count),
            [AlarmIndicator] = (latest.Count(a => (string)a["TRYGGLARM"] is "Ja, alla" or "Ja, några" && (int)a["ANTAL"] > 0), latest.Count),
        };
    }

    /// <summary>Riket's numerator and denominator per indicator in the year's latest CSV, or null while there is none.</summary>
    public async Task<IReadOnlyDictionary<string, (int Numerator, int Denominator)>?> PublishedAsync()
    {
        HttpResponseMessage response;
        try
        {
            response = await kansli.GetAsync($"/api/v1/reports/{year}/latest.csv");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        var published = new Dictionary<string, (int, int)>();
        foreach (var indicator in new[] { PlanIndicator, AlarmIndicator })
        {
            var riket = rows.FirstOrDefault(r => r["indicator"] == indicator && r["level"] == "riket" && r["area"] == "SE");
            if (riket is not null)
            {
                published[indicator] = ((int)Number(riket, "numerator"), (int)Number(riket, "denominator"));
            }
        }

        return published;
    }

    private static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);
}
