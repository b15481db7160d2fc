using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>A definition with its expressions parsed, ready to evaluate over many organisations.</summary>
public sealed record CompiledIndicator(string Code, string Kind, Condition Numerator, Condition Denominator, Operand? Value)
{
    public static CompiledIndicator From(IndicatorDefinition definition)
    {
        var numerator = ExpressionParser.ParseCondition(definition.Numerator);
        var denominator = definition.Denominator is { } text ? ExpressionParser.ParseCondition(text) : DefaultDenominator(numerator);
        var value = definition.Value is { } valueText ? ExpressionParser.ParseValue(valueText) : null;
        return new CompiledIndicator(definition.Code, definition.Kind, numerator, denominator, value);
    }

    /// <summary>The organisations that answered every question the numerator uses.</summary>
    public static Condition DefaultDenominator(Condition numerator) =>
        ExpressionQuestions.Of(numerator)
            .Select(code => (Condition)new AnsweredCondition(new QuestionReference(code, numerator.Position), numerator.Position))
            .Aggregate((left, right) => new AndCondition(left, right, numerator.Position));

    public static string DefaultDenominatorText(string numerator) =>
        string.Join(" and ", ExpressionQuestions.Of(ExpressionParser.ParseCondition(numerator)).Select(code => $"answered({code})"));

    public static IndicatorDescription Describe(IndicatorDefinition d) => new(
        d.Code, d.Name, d.Kind, d.Unit, d.HigherIsBetter, d.Numerator,
        d.Kind == IndicatorKinds.Share ? d.Denominator ?? DefaultDenominatorText(d.Numerator) : null);
}

/// <summary>One organisation's answers with what the levels group it by.</summary>
public sealed record Respondent(
    string OrganisationId,
    string Name,
    string? Lanskod,
    string? Lan,
    string? Kommungrupp,
    IReadOnlyDictionary<string, JsonElement> Answers)
{
    public static Respondent From(StoredAnswers stored) =>
        new(stored.OrganisationId, stored.OrganisationName, stored.Lanskod, stored.Lan, stored.Kommungrupp, stored.Answers);
}
