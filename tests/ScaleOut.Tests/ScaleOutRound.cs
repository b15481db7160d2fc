using VisionEHalsa.TestSupport;

namespace VisionEHalsa.ScaleOut.Tests;

/// <summary>
/// A questionnaire with two share indicators and an open round, set up through the gateway as the kansli would.
/// The same <paramref name="id"/> on two platforms gives the same questionnaire, codes and round on both. The
/// answers are known, so the final values are too.
/// </summary>
public sealed class ScaleOutRound(HttpClient kansli, int year, string id)
{
    private readonly string _id = id.ToUpperInvariant();

    public int Year => year;

    public string QuestionnaireId => $"scale-{_id.ToLowerInvariant()}";

    public string RoundId => $"round-{_id.ToLowerInvariant()}";

    public string PlanIndicator => $"DIGPLAN_{_id}";

    public string AlarmIndicator => $"TRYGG_{_id}";

    public Task CreateAsync() => KommunRound.CreateAsync(kansli, new KommunRoundNames(
        QuestionnaireId, "E-hälsa och välfärdsteknik i kommunerna", RoundId,
        PlanIndicator, $"Andel kommuner med {PlanIndicator}", AlarmIndicator, $"Andel kommuner med {AlarmIndicator}"), year);

    public Task<IReadOnlyList<string>> KommunerAsync() => KommunRound.KommunIdsAsync(kansli);

    /// <summary>Every fifth kommun (by code order) corrects its response: the plan answer flips and it reports alarms.</summary>
    public static bool IsCorrected(int index) => index % 5 == 0;

    public static Dictionary<string, object> FirstAnswers(int index) => new()
    {
        ["DIGPLAN"] = HasPlanAtFirst(index),
        ["TRYGGLARM"] = Alarm(index),
        ["ANTAL"] = index % 4 == 0 ? 0 : index,
    };

    public static Dictionary<string, object> Correction(int index) => new()
    {
        ["DIGPLAN"] = !HasPlanAtFirst(index),
        ["TRYGGLARM"] = Alarm(index),
        ["ANTAL"] = 1000 + index,
    };

    public static bool HasPlan(int index) => HasPlanAtFirst(index) != IsCorrected(index);

    public static bool HasAlarm(int index) => index % 3 != 2 && (IsCorrected(index) || index % 4 != 0);

    private static bool HasPlanAtFirst(int index) => index % 10 < 7;

    private static string Alarm(int index) => (index % 3) switch { 0 => "Ja, alla", 1 => "Ja, några", _ => "Nej" };
}
