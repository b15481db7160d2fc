using System.Text.Json;

namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// Evaluates a checked expression over one organisation's answers. A missing or null answer makes
/// every comparison false and <c>answered</c> false; an answer of an unexpected JSON kind never matches.
/// </summary>
public static class ExpressionEvaluator
{
    public static bool Evaluate(Condition condition, IReadOnlyDictionary<string, JsonElement> answers) => condition switch
    {
        OrCondition or => Evaluate(or.Left, answers) || Evaluate(or.Right, answers),
        AndCondition and => Evaluate(and.Left, answers) && Evaluate(and.Right, answers),
        NotCondition not => !Evaluate(not.Operand, answers),
        AnsweredCondition answered => Answer(answered.Question.Code, answers) is not null,
        Comparison comparison => Compare(ValueOf(comparison.Left, answers), comparison.Operator, ValueOf(comparison.Right, answers)),
        Membership membership => ValueOf(membership.Item, answers) is { } item &&
            membership.Candidates.Any(candidate => Compare(item, ComparisonOperator.Equal, ValueOf(candidate, answers))),
        Containment containment => Contains(Answer(containment.Question.Code, answers), containment.Option),
        _ => throw new NotSupportedException($"No evaluation for {condition.GetType().Name}."),
    };

    /// <summary>The numeric value of <paramref name="operand"/>, or null when it has none (unanswered, not a number).</summary>
    public static double? Number(Operand operand, IReadOnlyDictionary<string, JsonElement> answers) => ValueOf(operand, answers) switch
    {
        decimal number => (double)number,
        double number => number,
        _ => null,
    };

    private static bool Contains(JsonElement? answer, Literal option) =>
        answer is { ValueKind: JsonValueKind.Array } chosen &&
        option is StringLiteral wanted &&
        chosen.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && string.Equals(e.GetString(), wanted.Value, StringComparison.Ordinal));

    private static bool Compare(object? left, ComparisonOperator op, object? right) => (left, right) switch
    {
        (bool l, bool r) => op switch
        {
            ComparisonOperator.Equal => l == r,
            ComparisonOperator.NotEqual => l != r,
            _ => false,
        },
        (string l, string r) => op switch
        {
            ComparisonOperator.Equal => string.Equals(l, r, StringComparison.Ordinal),
            ComparisonOperator.NotEqual => !string.Equals(l, r, StringComparison.Ordinal),
            _ => false,
        },
        (decimal l, decimal r) => Order(l.CompareTo(r), op),
        (double l, decimal r) => Order(l.CompareTo((double)r), op),
        (decimal l, double r) => Order(((double)l).CompareTo(r), op),
        (double l, double r) => Order(l.CompareTo(r), op),
        _ => false,
    };

    private static bool Order(int comparison, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        ComparisonOperator.Less => comparison < 0,
        ComparisonOperator.LessOrEqual => comparison <= 0,
        ComparisonOperator.Greater => comparison > 0,
        ComparisonOperator.GreaterOrEqual => comparison >= 0,
        _ => false,
    };

    /// <summary>bool, decimal (double when out of decimal's range), string, or null when there is no comparable value.</summary>
    private static object? ValueOf(Operand operand, IReadOnlyDictionary<string, JsonElement> answers) => operand switch
    {
        BooleanLiteral b => b.Value,
        NumberLiteral n => n.Value,
        StringLiteral s => s.Value,
        QuestionReference q => Answer(q.Code, answers) switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { ValueKind: JsonValueKind.Number } number => number.TryGetDecimal(out var d) ? d : number.GetDouble(),
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            _ => null,
        },
        _ => null,
    };

    private static JsonElement? Answer(string code, IReadOnlyDictionary<string, JsonElement> answers) =>
        answers.TryGetValue(code, out var answer) && answer.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? answer : null;
}
