using System.Text.Json;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.ReferenceData;

namespace VisionEHalsa.Indicator.Bench;

/// <summary>
/// A round of <c>n</c> synthetic responses, twice: as the platform holds them (answers as JSON elements, as read
/// from the store) and as plain arrays for the floor. Deterministic for a given size.
/// </summary>
public sealed class SyntheticRound
{
    public static readonly string[] YesNo =
    [
        "DIGPLAN", "PERSRES", "KVAL_LS", "SAKID", "SAKID_HSL", "NPO", "ETJ_EKB", "ETJ_BU", "AUTO_EKB", "MOBDOK_HT", "STRUKDOK",
        "NATT_KAM_AO", "NATT_KAM_FH", "TILLSYN_DAG_FH", "GPS_LARM",
    ];

    public static readonly string[] Heldig = ["Enbart digitala", "Både digitala och analoga", "Enbart analoga"];

    public required Respondent[] Respondents { get; init; }

    /// <summary>Per yes/no question (in <see cref="YesNo"/> order) per respondent: -1 unanswered, 0 no, 1 yes.</summary>
    public required sbyte[][] Answers { get; init; }

    /// <summary>NaN when unanswered.</summary>
    public required double[] Antal { get; init; }

    public required double[] Digitala { get; init; }

    /// <summary>Index into <see cref="Heldig"/>, -1 when unanswered.</summary>
    public required int[] HeldigChoice { get; init; }

    public static SyntheticRound Create(int size)
    {
        var random = new Random(size);
        var kommuner = CsvRows.ReadEmbedded("kommuner.csv");
        var answers = YesNo.Select(_ => new sbyte[size]).ToArray();
        var (antal, digitala, heldig) = (new double[size], new double[size], new int[size]);
        var respondents = new Respondent[size];
        for (var i = 0; i < size; i++)
        {
            var json = new Dictionary<string, object?>();
            for (var q = 0; q < YesNo.Length; q++)
            {
                var roll = random.NextDouble();
                answers[q][i] = roll < 0.08 ? (sbyte)-1 : random.NextDouble() < 0.3 + (0.04 * q) ? (sbyte)1 : (sbyte)0;
                if (answers[q][i] >= 0)
                {
                    json[YesNo[q]] = answers[q][i] == 1;
                }
                else if (roll < 0.02)
                {
                    json[YesNo[q]] = null;
                }
            }

            antal[i] = random.NextDouble() < 0.1 ? double.NaN : random.Next(0, 1000);
            digitala[i] = random.NextDouble() < 0.1 || double.IsNaN(antal[i]) ? double.NaN : Math.Floor(antal[i] * random.NextDouble());
            heldig[i] = random.NextDouble() < 0.1 ? -1 : random.Next(Heldig.Length);
            if (!double.IsNaN(antal[i]))
            {
                json["TRYGG_ANTAL"] = (int)antal[i];
            }

            if (!double.IsNaN(digitala[i]))
            {
                json["TRYGG_DIGITALA"] = (int)digitala[i];
            }

            if (heldig[i] >= 0)
            {
                json["TRYGG_HELDIG"] = Heldig[heldig[i]];
            }

            var kommun = kommuner[i % kommuner.Count];
            respondents[i] = new Respondent($"kommun:{i:D5}", kommun["kommun"], kommun["lanskod"], kommun["lan"], kommun["kommungrupp"],
                JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(json))!);
        }

        return new SyntheticRound { Respondents = respondents, Answers = answers, Antal = antal, Digitala = digitala, HeldigChoice = heldig };
    }
}
