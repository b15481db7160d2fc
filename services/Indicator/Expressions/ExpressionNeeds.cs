namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// The questions a set of expressions reads and, per question, the strings they compare its answers with:
/// what an <see cref="AnswerTable"/> must decode.
/// </summary>
public sealed class ExpressionNeeds
{
    private readonly SortedDictionary<string, List<string>> _literals = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, List<string>> Literals => _literals;

    public static ExpressionNeeds Of(Condition condition) => new ExpressionNeeds().Add(condition);

    public static ExpressionNeeds Of(Operand operand) => new ExpressionNeeds().Add(operand);

    public ExpressionNeeds Add(Condition condition)
    {
        switch (condition)
        {
            case OrCondition or:
                Add(or.Left).Add(or.Right);
                break;
            case AndCondition and:
                Add(and.Left).Add(and.Right);
                break;
            case NotCondition not:
                Add(not.Operand);
                break;
            case AnsweredCondition answered:
                Add(answered.Question);
                break;
            case Comparison comparison:
                Add(comparison.Left).Add(comparison.Right);
                AddLiterals(comparison.Left, [comparison.Right]);
                break;
            case Membership membership:
                Add(membership.Item);
                AddLiterals(membership.Item, membership.Candidates);
                break;
            case Containment containment:
                Add(containment.Question);
                AddLiterals(containment.Question, [containment.Option]);
                break;
        }

        return this;
    }

    public ExpressionNeeds Add(Operand operand)
    {
        switch (operand)
        {
            case QuestionReference question:
                Question(question.Code);
                break;
            case Arithmetic arithmetic:
                Add(arithmetic.Left).Add(arithmetic.Right);
                break;
        }

        return this;
    }

    private void AddLiterals(Operand item, IEnumerable<Operand> candidates)
    {
        if (item is not QuestionReference question)
        {
            return;
        }

        var literals = Question(question.Code);
        foreach (var candidate in candidates.OfType<StringLiteral>())
        {
            if (!literals.Contains(candidate.Value, StringComparer.Ordinal))
            {
                literals.Add(candidate.Value);
            }
        }
    }

    private List<string> Question(string code)
    {
        if (!_literals.TryGetValue(code, out var literals))
        {
            _literals[code] = literals = [];
        }

        return literals;
    }
}
