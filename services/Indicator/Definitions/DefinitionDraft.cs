using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Definitions;

/// <summary>The expressions of a definition that parsed; the ones that did not are null and already reported.</summary>
public sealed record ParsedExpressions(Condition? Numerator, Condition? Denominator, Operand? Value, Operand? DenominatorValue = null, string? Kind = null)
{
    public IReadOnlyList<string> Questions =>
    [
        .. (Numerator is null ? [] : ExpressionQuestions.Of(Numerator))
            .Concat(Denominator is null ? [] : ExpressionQuestions.Of(Denominator))
            .Concat(Value is null ? [] : ExpressionQuestions.Of(Value))
            .Concat(DenominatorValue is null ? [] : ExpressionQuestions.Of(DenominatorValue))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Type errors per field, each message naming its line and column.</summary>
    public Dictionary<string, string[]> TypeCheck(IReadOnlyDictionary<string, QuestionSchema> questions)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(errors, "numerator", Numerator is null ? [] : ExpressionTypeChecker.Check(Numerator, questions));
        Add(errors, "denominator", Denominator is null ? [] : ExpressionTypeChecker.Check(Denominator, questions));
        var purpose = Kind is null ? "a mean or sum" : $"a {Kind}";
        Add(errors, "value", Value is null ? [] : ExpressionTypeChecker.CheckNumber(Value, questions, purpose));
        Add(errors, "denominatorValue", DenominatorValue is null ? [] : ExpressionTypeChecker.CheckNumber(DenominatorValue, questions, purpose));
        return errors;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, IReadOnlyList<ExpressionError> found)
    {
        if (found.Count > 0)
        {
            errors[field] = [.. found.Select(e => e.ToString())];
        }
    }
}

/// <summary>A definition whose fields are all present and whose expressions parse; the questionnaire check comes next.</summary>
public sealed record DefinitionDraft(
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
    ParsedExpressions Expressions)
{
    public IndicatorDefinition ToDefinition(int version, DateTimeOffset definedAt, string definedBy) => new(
        IndicatorDefinition.IdFor(Code, version), Code, version, Name, QuestionnaireId, Kind, Numerator, Denominator, Value, Unit,
        HigherIsBetter, Expressions.Questions, definedAt, definedBy, DenominatorValue);
}
