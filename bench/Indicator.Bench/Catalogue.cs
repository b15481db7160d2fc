using VisionEHalsa.Indicator.Definitions;

namespace VisionEHalsa.Indicator.Bench;

/// <summary>The 30 indicators of the benchmark: the seeded catalogue and 14 more that use every kind and operator.</summary>
public static class Catalogue
{
    public const string Questionnaire = "vision-ehalsa-kommun";

    private static readonly DefineIndicator[] Extra =
    [
        Share("NATT_KAM_FH", "NATT_KAM_FH == true"),
        Share("NATT_BADA", "NATT_KAM_AO == true and NATT_KAM_FH == true"),
        Share("NATT_NAGON", "NATT_KAM_AO == true or NATT_KAM_FH == true"),
        Share("STYRNING", "DIGPLAN == true and PERSRES == true and KVAL_LS == true"),
        Share("SAKERHET", "SAKID == true and SAKID_HSL == true", denominator: "answered(SAKID)"),
        Share("ETJ_NAGON", "ETJ_EKB == true or ETJ_BU == true"),
        Share("TRYGG_DIG_HALV", "TRYGG_DIGITALA / TRYGG_ANTAL > 0.5"),
        Share("TRYGG_BLAND", "TRYGG_HELDIG in [\"Enbart digitala\", \"Både digitala och analoga\"]"),
        Share("TRYGG_ANALOG_EJ", "not TRYGG_HELDIG == \"Enbart analoga\"", denominator: "answered(TRYGG_HELDIG)"),
        Aggregate("TRYGG_MEDEL", "mean", "answered(TRYGG_ANTAL)", "TRYGG_ANTAL"),
        Aggregate("TRYGG_MEDIAN", "median", "answered(TRYGG_ANTAL)", "TRYGG_ANTAL"),
        Aggregate("TRYGG_SUMMA", "sum", "answered(TRYGG_DIGITALA)", "TRYGG_DIGITALA"),
        Aggregate("TRYGG_ANALOGA", "sum", "answered(TRYGG_ANTAL)", "TRYGG_ANTAL - TRYGG_DIGITALA"),
        Aggregate("TRYGG_DIG_MEDEL", "mean", "DIGPLAN == true", "100 * TRYGG_DIGITALA / TRYGG_ANTAL"),
    ];

    /// <summary>Checked as the service checks them at start-up; the benchmark stops if one does not check.</summary>
    public static IReadOnlyList<IndicatorDefinition> Definitions()
    {
        var drafts = CatalogueSeed.Check([.. CatalogueSeed.ReadCatalogue(), .. Extra], CatalogueSeed.ReadQuestionnaires());
        return [.. drafts.Select(d => d.ToDefinition(1, DateTimeOffset.UnixEpoch, "bench"))];
    }

    private static DefineIndicator Share(string code, string numerator, string? denominator = null) =>
        new(code, code, Questionnaire, "share", numerator, denominator);

    private static DefineIndicator Aggregate(string code, string kind, string numerator, string value) =>
        new(code, code, Questionnaire, kind, numerator, Value: value, Unit: "st");
}
