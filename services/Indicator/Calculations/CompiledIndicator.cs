using System.Collections.Concurrent;
using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>A definition with its expressions parsed, ready to evaluate over many organisations.</summary>
public sealed record CompiledIndicator(string Code, string Kind, Condition Numerator, Condition Denominator, Operand? Value, Operand? DenominatorValue = null)
{
    private static readonly ConcurrentDictionary<(string, string, string, string?, string?, string?), CompiledIndicator> Parsed = new();

    /// <summary>
    /// The definition parsed once per process: a recalculation runs on every burst of responses, and parsing the
    /// catalogue each time cost more than calculating a round of 290. Keyed by the texts, so it never goes stale.
    /// </summary>
    public static CompiledIndicator Of(IndicatorDefinition definition) =>
        Parsed.GetOrAdd((definition.Code, definition.Kind, definition.Numerator, definition.Denominator, definition.Value, definition.DenominatorValue),
            _ => From(definition));

    public static CompiledIndicator From(IndicatorDefinition definition)
    {
        var numerator = ExpressionParser.ParseCondition(definition.Numerator);
        var denominator = definition.Denominator is { } text ? ExpressionParser.ParseCondition(text) : DefaultDenominator(numerator);
        var value = definition.Value is { } valueText ? ExpressionParser.ParseValue(valueText) : null;
        var denominatorValue = definition.DenominatorValue is { } below ? ExpressionParser.ParseValue(below) : null;
        return new CompiledIndicator(definition.Code, definition.Kind, numerator, denominator, value, denominatorValue);
    }

    /// <summary>Adds the questions (and the strings compared with them) this indicator reads.</summary>
    public ExpressionNeeds AddTo(ExpressionNeeds needs)
    {
        needs.Add(Numerator);
        if (Kind == IndicatorKinds.Share)
        {
            needs.Add(Denominator);
        }

        if (Value is not null)
        {
            needs.Add(Value);
        }

        if (DenominatorValue is not null)
        {
            needs.Add(DenominatorValue);
        }

        return needs;
    }

    /// <summary>The organisations that answered every question the numerator uses.</summary>
    public static Condition DefaultDenominator(Condition numerator) =>
        ExpressionQuestions.Of(numerator)
            .Select(code => (Condition)new AnsweredCondition(new QuestionReference(code, numerator.Position), numerator.Position))
            .Aggregate((left, right) => new AndCondition(left, right, numerator.Position));

    public static string DefaultDenominatorText(string numerator) =>
        string.Join(" and ", ExpressionQuestions.Of(ExpressionParser.ParseCondition(numerator)).Select(code => $"answered({code})"));

    /// <summary>A ratio is described by what it sums above and below the line; the others by their predicates.</summary>
    public static IndicatorDescription Describe(IndicatorDefinition d) => d.Kind switch
    {
        IndicatorKinds.Share => new(d.Code, d.Name, d.Kind, d.Unit, d.HigherIsBetter, d.Numerator, d.Denominator ?? DefaultDenominatorText(d.Numerator)),
        IndicatorKinds.Ratio => new(d.Code, d.Name, d.Kind, d.Unit, d.HigherIsBetter, d.Value ?? d.Numerator, d.DenominatorValue),
        _ => new(d.Code, d.Name, d.Kind, d.Unit, d.HigherIsBetter, d.Numerator, null),
    };
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
