using System.Text.Json;

namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// Evaluates a checked expression over one organisation's answers, by the same compiled code the calculator
/// runs over every organisation, so there is one meaning of each operator.
/// </summary>
public static class ExpressionEvaluator
{
    public static bool Evaluate(Condition condition, IReadOnlyDictionary<string, JsonElement> answers) =>
        ExpressionCompiler.Condition(condition, AnswerTable.Decode([answers], ExpressionNeeds.Of(condition)))(0);

    /// <summary>The numeric value of <paramref name="operand"/>, or null when it has none (unanswered, not a number, divided by 0).</summary>
    public static double? Number(Operand operand, IReadOnlyDictionary<string, JsonElement> answers) =>
        ExpressionCompiler.Number(operand, AnswerTable.Decode([answers], ExpressionNeeds.Of(operand)))(0) is var value && !double.IsNaN(value)
            ? value
            : null;
}
