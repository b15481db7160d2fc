using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace VisionEHalsa.Indicator.Definitions;

/// <summary>The body of <c>POST /api/v1/indicators</c>. Fields are checked by <see cref="DefinitionRules"/>, which names each fault.</summary>
public sealed record DefineIndicator(
    [property: Required, StringLength(DefinitionRules.MaxCodeLength), Description("Capital letters, digits and _, starting with a letter, e.g. DIGPLAN.")]
    string? Code,
    [property: Required, StringLength(DefinitionRules.MaxNameLength), Description("The indicator's name as reports show it (Swedish).")]
    string? Name,
    [property: Required, StringLength(DefinitionRules.MaxIdLength), Description("The questionnaire whose answers the expressions test.")]
    string? QuestionnaireId,
    [property: Required, Description("share (percent of organisations), mean, median or sum (of value), or ratio (100 × Σ value / Σ denominatorValue).")]
    string? Kind,
    [property: Required, StringLength(DefinitionRules.MaxExpressionLength),
               Description("A predicate over answers, e.g. TRYGGLARM in [\"Ja, alla\", \"Ja, några\"] and ANTAL > 0. For mean, median, sum and ratio it selects the organisations.")]
    string? Numerator,
    [property: StringLength(DefinitionRules.MaxExpressionLength),
               Description("share only. Default: the organisations that answered every question the numerator uses.")]
    string? Denominator = null,
    [property: StringLength(DefinitionRules.MaxExpressionLength),
               Description("mean, median, sum and ratio: a numeric expression over numeric questions, e.g. ANTAL or TRYGG_ANTAL - TRYGG_DIGITALA.")]
    string? Value = null,
    [property: StringLength(DefinitionRules.MaxUnitLength), Description("Default % for a share or ratio.")]
    string? Unit = null,
    [property: Description("Default true.")]
    bool? HigherIsBetter = null,
    [property: StringLength(DefinitionRules.MaxExpressionLength), Description("ratio only: the numeric expression summed below the line, e.g. TRYGG_ANTAL.")]
    string? DenominatorValue = null);

/// <summary>An indicator definition as the API shows it.</summary>
public sealed record IndicatorResponse(
    string Code,
    string Name,
    string QuestionnaireId,
    string Kind,
    string Numerator,
    string? Denominator,
    string? Value,
    string? DenominatorValue,
    string Unit,
    bool HigherIsBetter,
    int Version,
    IReadOnlyList<string> Questions,
    DateTimeOffset DefinedAt)
{
    public static IndicatorResponse From(IndicatorDefinition d) => new(
        d.Code, d.Name, d.QuestionnaireId, d.Kind, d.Numerator, d.Denominator, d.Value, d.DenominatorValue, d.Unit, d.HigherIsBetter,
        d.Version, d.Questions, d.DefinedAt);
}
