namespace VisionEHalsa.Indicator.Expressions;

/// <summary>Where something is in the expression text, 1-based, as people count.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}

/// <summary>A predicate over one organisation's answers: what <c>numerator</c> and <c>denominator</c> hold.</summary>
public abstract record Condition(SourcePosition Position);

public sealed record OrCondition(Condition Left, Condition Right, SourcePosition Position) : Condition(Position);

public sealed record AndCondition(Condition Left, Condition Right, SourcePosition Position) : Condition(Position);

public sealed record NotCondition(Condition Operand, SourcePosition Position) : Condition(Position);

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// <c>left op right</c>. The left side is a question or arithmetic over numeric questions
/// (<c>TRYGG_DIGITALA / TRYGG_ANTAL > 0.5</c>), the right side a literal.
/// </summary>
public sealed record Comparison(Operand Left, ComparisonOperator Operator, Operand Right, SourcePosition Position) : Condition(Position);

/// <summary><c>CODE in [lit, lit, ...]</c>.</summary>
public sealed record Membership(Operand Item, IReadOnlyList<Literal> Candidates, SourcePosition Position) : Condition(Position);

/// <summary><c>CODE contains "option"</c>, for multichoice questions.</summary>
public sealed record Containment(QuestionReference Question, Literal Option, SourcePosition Position) : Condition(Position);

/// <summary><c>answered(CODE)</c>: the organisation gave a (non-null) answer.</summary>
public sealed record AnsweredCondition(QuestionReference Question, SourcePosition Position) : Condition(Position);

/// <summary>Something with a value: a question's answer, a literal or arithmetic. <c>value</c> of mean/sum is one.</summary>
public abstract record Operand(SourcePosition Position);

public sealed record QuestionReference(string Code, SourcePosition Position) : Operand(Position);

public enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>
/// <c>left op right</c> over numbers. It has no value when either side has none or when it divides by 0, so an
/// organisation that left a count empty is left out rather than counted as 0.
/// </summary>
public sealed record Arithmetic(Operand Left, ArithmeticOperator Operator, Operand Right, SourcePosition Position) : Operand(Position);

public abstract record Literal(SourcePosition Position) : Operand(Position)
{
    /// <summary>The literal as it would be written in an expression, for messages.</summary>
    public abstract string Text { get; }
}

public sealed record BooleanLiteral(bool Value, SourcePosition Position) : Literal(Position)
{
    public override string Text => Value ? "true" : "false";
}

public sealed record NumberLiteral(decimal Value, SourcePosition Position) : Literal(Position)
{
    public override string Text => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record StringLiteral(string Value, SourcePosition Position) : Literal(Position)
{
    public override string Text => "\"" + Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
