namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// Turns a checked expression into a delegate over the rows of an <see cref="AnswerTable"/>: the tree is walked
/// once per recalculation, not once per organisation. A missing or null answer makes every test false and
/// <c>answered</c> false; an answer of an unexpected kind never matches; a number that has no value is NaN.
/// </summary>
public static class ExpressionCompiler
{
    public static Func<int, bool> Condition(Condition condition, AnswerTable table)
    {
        switch (condition)
        {
            case OrCondition or:
            {
                var (left, right) = (Condition(or.Left, table), Condition(or.Right, table));
                return row => left(row) || right(row);
            }
            case AndCondition and:
            {
                var (left, right) = (Condition(and.Left, table), Condition(and.Right, table));
                return row => left(row) && right(row);
            }
            case NotCondition not:
            {
                var operand = Condition(not.Operand, table);
                return row => !operand(row);
            }
            case AnsweredCondition answered:
            {
                var kinds = table.Column(answered.Question.Code).Kinds;
                return row => kinds[row] != AnswerKind.Missing;
            }
            case Comparison comparison:
                return Compare(comparison.Left, comparison.Operator, comparison.Right, table);
            case Membership membership:
                return membership.Candidates
                    .Select(candidate => Compare(membership.Item, ComparisonOperator.Equal, candidate, table))
                    .Aggregate((left, right) => row => left(row) || right(row));
            case Containment { Option: StringLiteral option } containment:
            {
                var column = table.Column(containment.Question.Code);
                var index = column.IndexOf(option.Value);
                return row => column.Contains(row, index);
            }
            case Containment:
                return _ => false;
            default:
                throw new NotSupportedException($"No evaluation for {condition.GetType().Name}.");
        }
    }

    /// <summary>The operand's number per row; NaN where it has none (unanswered, not a number, divided by 0).</summary>
    public static Func<int, double> Number(Operand operand, AnswerTable table)
    {
        switch (operand)
        {
            case QuestionReference question:
            {
                var numbers = table.Column(question.Code).Numbers;
                return row => numbers[row];
            }
            case NumberLiteral literal:
            {
                var value = (double)literal.Value;
                return _ => value;
            }
            case Arithmetic arithmetic:
                return Calculate(Number(arithmetic.Left, table), arithmetic.Operator, Number(arithmetic.Right, table));
            default:
                return _ => double.NaN;
        }
    }

    private static Func<int, double> Calculate(Func<int, double> left, ArithmeticOperator op, Func<int, double> right) => op switch
    {
        ArithmeticOperator.Add => row => Finite(left(row) + right(row)),
        ArithmeticOperator.Subtract => row => Finite(left(row) - right(row)),
        ArithmeticOperator.Multiply => row => Finite(left(row) * right(row)),
        _ => row => right(row) is var divisor && divisor == 0 ? double.NaN : Finite(left(row) / divisor),
    };

    private static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;

    private static Func<int, bool> Compare(Operand left, ComparisonOperator op, Operand right, AnswerTable table)
    {
        if (right is NumberLiteral number)
        {
            var value = Number(left, table);
            var limit = (double)number.Value;
            return op switch
            {
                ComparisonOperator.Equal => row => value(row) == limit,
                ComparisonOperator.NotEqual => row => value(row) is var v && !double.IsNaN(v) && v != limit,
                ComparisonOperator.Less => row => value(row) < limit,
                ComparisonOperator.LessOrEqual => row => value(row) <= limit,
                ComparisonOperator.Greater => row => value(row) > limit,
                ComparisonOperator.GreaterOrEqual => row => value(row) >= limit,
                _ => _ => false,
            };
        }

        // Only a question's answer is ever true, false or a string; equality is all that applies to them.
        if (left is not QuestionReference question || op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            return _ => false;
        }

        var equal = op == ComparisonOperator.Equal;
        var column = table.Column(question.Code);
        var kinds = column.Kinds;
        switch (right)
        {
            case BooleanLiteral boolean:
            {
                var wanted = boolean.Value == equal ? AnswerKind.True : AnswerKind.False;
                return row => kinds[row] == wanted;
            }
            case StringLiteral text:
            {
                var symbols = column.Symbols;
                var index = column.IndexOf(text.Value);
                return row => kinds[row] == AnswerKind.String && (symbols[row] == index) == equal;
            }
            default:
                return _ => false;
        }
    }
}
