using System.Globalization;
using System.Text.Json;

namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// Every question of the seeded questionnaire answered, deterministically per kommun, as <c>./platform up</c>
/// seeds its demo round; so every indicator's riket denominator counts every response.
/// </summary>
public static class DemoAnswers
{
    private static readonly (string Code, long Factor, long Offset, int Share)[] YesNo =
    [
        ("DIGPLAN", 7919, 3, 72), ("PERSRES", 104729, 11, 76), ("KVAL_LS", 1299709, 5, 68), ("SAKID", 15485863, 7, 22),
        ("SAKID_HSL", 32452843, 1, 93), ("NPO", 49979687, 2, 81), ("ETJ_EKB", 67867967, 9, 63), ("ETJ_BU", 86028121, 4, 79),
        ("AUTO_EKB", 95443, 8, 27), ("MOBDOK_HT", 7907, 6, 84), ("STRUKDOK", 6091, 2, 61), ("NATT_KAM_AO", 5147, 3, 80),
        ("NATT_KAM_FH", 4271, 5, 30), ("TILLSYN_DAG_FH", 3671, 7, 15), ("GPS_LARM", 2909, 1, 70),
    ];

    /// <summary>The request body for <paramref name="organisationId"/>; <paramref name="digplan"/> overrides that one answer.</summary>
    public static byte[] Body(string organisationId, bool? digplan = null)
    {
        var code = long.Parse(organisationId[(organisationId.IndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        var answers = new Dictionary<string, object>();
        foreach (var (question, factor, offset, share) in YesNo)
        {
            answers[question] = (code * factor + offset) % 100 < share;
        }

        if (digplan is { } plan)
        {
            answers["DIGPLAN"] = plan;
        }

        var total = 100 + (code * 37 % 900);
        answers["TRYGG_ANTAL"] = total;
        answers["TRYGG_DIGITALA"] = total * (80 + (code * 13 % 21)) / 100;
        answers["TRYGG_HELDIG"] = code * 17 % 100 < 35 ? "Enbart digitala" : "Både digitala och analoga";
        return JsonSerializer.SerializeToUtf8Bytes(new { answers });
    }
}
