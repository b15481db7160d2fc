namespace VisionEHalsa.Indicator.Expressions;

/// <summary>The question codes an expression uses: the default denominator and the definition's summary need them.</summary>
public static class ExpressionQuestions
{
    public static IReadOnlyList<string> Of(Condition condition)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        Collect(condition, codes);
        return [.. codes];
    }

    public static IReadOnlyList<string> Of(Operand operand)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        Collect(operand, codes);
        return [.. codes];
    }

    private static void Collect(Condition condition, SortedSet<string> codes)
    {
        switch (condition)
        {
            case OrCondition or:
                Collect(or.Left, codes);
                Collect(or.Right, codes);
                break;
            case AndCondition and:
                Collect(and.Left, codes);
                Collect(and.Right, codes);
                break;
            case NotCondition not:
                Collect(not.Operand, codes);
                break;
            case Comparison comparison:
                Collect(comparison.Left, codes);
                Collect(comparison.Right, codes);
                break;
            case Membership membership:
                Collect(membership.Item, codes);
                break;
            case Containment containment:
                codes.Add(containment.Question.Code);
                break;
            case AnsweredCondition answered:
                codes.Add(answered.Question.Code);
                break;
        }
    }

    private static void Collect(Operand operand, SortedSet<string> codes)
    {
        switch (operand)
        {
            case QuestionReference question:
                codes.Add(question.Code);
                break;
            case Arithmetic arithmetic:
                Collect(arithmetic.Left, codes);
                Collect(arithmetic.Right, codes);
                break;
        }
    }
}
