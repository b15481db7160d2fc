using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Tests.Expressions;

/// <summary>Writes a syntax tree as a compact prefix form, so tests can state the tree they expect in one line.</summary>
internal static class Show
{
    public static string Tree(Condition condition) => condition switch
    {
        OrCondition or => $"(or {Tree(or.Left)} {Tree(or.Right)})",
        AndCondition and => $"(and {Tree(and.Left)} {Tree(and.Right)})",
        NotCondition not => $"(not {Tree(not.Operand)})",
        Comparison c => $"({Symbol(c.Operator)} {Operand(c.Left)} {Operand(c.Right)})",
        Membership m => $"(in {Operand(m.Item)} [{string.Join(", ", m.Candidates.Select(Operand))}])",
        Containment c => $"(contains {c.Question.Code} {c.Option.Text})",
        AnsweredCondition a => $"(answered {a.Question.Code})",
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    public static string Operand(Operand operand) => operand switch
    {
        QuestionReference q => q.Code,
        Literal l => l.Text,
        Arithmetic a => $"({Symbol(a.Operator)} {Operand(a.Left)} {Operand(a.Right)})",
        _ => throw new ArgumentOutOfRangeException(nameof(operand)),
    };

    private static string Symbol(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "+",
        ArithmeticOperator.Subtract => "-",
        ArithmeticOperator.Multiply => "*",
        ArithmeticOperator.Divide => "/",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
