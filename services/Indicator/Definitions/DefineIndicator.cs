using System.ComponentModel.DataAnnotations;

namespace VisionEHalsa.Indicator.Definitions;

/// <summary>The body of <c>POST /api/v1/indicators</c>. Fields are checked by <see cref="DefinitionRules"/>, which names each fault.</summary>
public sealed record DefineIndicator(
    [property: Required, StringLength(DefinitionRules.MaxCodeLength)] string? Code,
    [property: Required, StringLength(DefinitionRules.MaxNameLength)] string? Name,
    [property: Required, StringLength(DefinitionRules.MaxIdLength)] string? QuestionnaireId,
    [property: Required, AllowedValues(IndicatorKinds.Share, IndicatorKinds.Mean, IndicatorKinds.Sum)] string? Kind,
    [property: Required, StringLength(DefinitionRules.MaxExpressionLength)] string? Numerator,
    [property: StringLength(DefinitionRules.MaxExpressionLength)] string? Denominator,
    [property: StringLength(DefinitionRules.MaxExpressionLength)] string? Value,
    [property: StringLength(DefinitionRules.MaxUnitLength)] string? Unit,
    bool? HigherIsBetter);

/// <summary>An indicator definition as the API shows it.</summary>
public sealed record IndicatorResponse(
    string Code,
    string Name,
    string QuestionnaireId,
    string Kind,
    string Numerator,
    string? Denominator,
    string? Value,
    string Unit,
    bool HigherIsBetter,
    int Version,
    IReadOnlyList<string> Questions,
    DateTimeOffset DefinedAt)
{
    public static IndicatorResponse From(IndicatorDefinition d) => new(
        d.Code, d.Name, d.QuestionnaireId, d.Kind, d.Numerator, d.Denominator, d.Value, d.Unit, d.HigherIsBetter,
        d.Version, d.Questions, d.DefinedAt);
}
