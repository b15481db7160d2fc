using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Definitions;

/// <summary>A definition whose fields are present and whose expressions parse; the questionnaire check comes next.</summary>
public sealed record DefinitionDraft(
    string Code,
    string Name,
    string QuestionnaireId,
    string Kind,
    string Numerator,
    Condition NumeratorCondition,
    string? Denominator,
    Condition? DenominatorCondition,
    string? Value,
    Operand? ValueOperand,
    string Unit,
    bool HigherIsBetter)
{
    public IReadOnlyList<string> Questions =>
    [
        .. ExpressionQuestions.Of(NumeratorCondition)
            .Concat(DenominatorCondition is null ? [] : ExpressionQuestions.Of(DenominatorCondition))
            .Concat(ValueOperand is null ? [] : ExpressionQuestions.Of(ValueOperand))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Type errors per field, each message naming its line and column.</summary>
    public Dictionary<string, string[]> TypeCheck(IReadOnlyDictionary<string, QuestionSchema> questions)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(errors, "numerator", ExpressionTypeChecker.Check(NumeratorCondition, questions));
        if (DenominatorCondition is not null)
        {
            Add(errors, "denominator", ExpressionTypeChecker.Check(DenominatorCondition, questions));
        }

        if (ValueOperand is not null)
        {
            Add(errors, "value", ExpressionTypeChecker.CheckNumber(ValueOperand, questions));
        }

        return errors;
    }

    public IndicatorDefinition ToDefinition(int version, DateTimeOffset definedAt, string definedBy) => new(
        IndicatorDefinition.IdFor(Code, version), Code, version, Name, QuestionnaireId, Kind, Numerator, Denominator, Value, Unit,
        HigherIsBetter, Questions, definedAt, definedBy);

    private static void Add(Dictionary<string, string[]> errors, string field, IReadOnlyList<ExpressionError> found)
    {
        if (found.Count > 0)
        {
            errors[field] = [.. found.Select(e => e.ToString())];
        }
    }
}
