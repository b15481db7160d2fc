namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// Checks an expression against the questionnaire's questions, so a definition that could never match
/// (a yes/no question compared with a number, an option that does not exist) is refused when defined.
/// </summary>
public static class ExpressionTypeChecker
{
    public static IReadOnlyList<ExpressionError> Check(Condition condition, IReadOnlyDictionary<string, QuestionSchema> questions)
    {
        var errors = new List<ExpressionError>();
        CheckCondition(condition, questions, errors);
        return errors;
    }

    /// <summary>The <c>value</c> of a mean or sum must be a numeric question.</summary>
    public static IReadOnlyList<ExpressionError> CheckNumber(Operand value, IReadOnlyDictionary<string, QuestionSchema> questions)
    {
        var errors = new List<ExpressionError>();
        if (value is not QuestionReference reference)
        {
            errors.Add(new ExpressionError(value.Position, "a mean or sum aggregates a question's answer: write its question code"));
        }
        else if (Resolve(reference, questions, errors) is { } question && !QuestionTypes.IsNumber(question.Type))
        {
            errors.Add(new ExpressionError(reference.Position,
                $"{question.Code} is {QuestionTypes.Describe(question.Type)}; a mean or sum needs an integer, decimal or percent question"));
        }

        return errors;
    }

    private static void CheckCondition(Condition condition, IReadOnlyDictionary<string, QuestionSchema> questions, List<ExpressionError> errors)
    {
        switch (condition)
        {
            case OrCondition or:
                CheckCondition(or.Left, questions, errors);
                CheckCondition(or.Right, questions, errors);
                break;
            case AndCondition and:
                CheckCondition(and.Left, questions, errors);
                CheckCondition(and.Right, questions, errors);
                break;
            case NotCondition not:
                CheckCondition(not.Operand, questions, errors);
                break;
            case AnsweredCondition answered:
                Resolve(answered.Question, questions, errors);
                break;
            case Comparison comparison:
                CheckComparison(comparison, questions, errors);
                break;
            case Membership membership:
                CheckMembership(membership, questions, errors);
                break;
            case Containment containment:
                CheckContainment(containment, questions, errors);
                break;
        }
    }

    private static void CheckComparison(Comparison comparison, IReadOnlyDictionary<string, QuestionSchema> questions, List<ExpressionError> errors)
    {
        if (comparison.Left is not QuestionReference reference || comparison.Right is not Literal literal)
        {
            errors.Add(new ExpressionError(comparison.Position, "a comparison compares a question code with a value"));
            return;
        }

        if (Resolve(reference, questions, errors) is not { } question || RefuseMultiChoice(question, reference, errors))
        {
            return;
        }

        var ordering = comparison.Operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
        if (ordering && !QuestionTypes.IsNumber(question.Type))
        {
            errors.Add(new ExpressionError(reference.Position,
                $"{question.Code} is {QuestionTypes.Describe(question.Type)}: only == and != apply, <, <=, > and >= compare numbers"));
            return;
        }

        CheckLiteral(question, literal, errors);
    }

    private static void CheckMembership(Membership membership, IReadOnlyDictionary<string, QuestionSchema> questions, List<ExpressionError> errors)
    {
        if (membership.Item is not QuestionReference reference)
        {
            errors.Add(new ExpressionError(membership.Position, "in tests a question code against a list of values"));
            return;
        }

        if (Resolve(reference, questions, errors) is not { } question || RefuseMultiChoice(question, reference, errors))
        {
            return;
        }

        foreach (var candidate in membership.Candidates)
        {
            CheckLiteral(question, candidate, errors);
        }
    }

    private static void CheckContainment(Containment containment, IReadOnlyDictionary<string, QuestionSchema> questions, List<ExpressionError> errors)
    {
        if (Resolve(containment.Question, questions, errors) is not { } question)
        {
            return;
        }

        if (question.Type != QuestionTypes.MultiChoice)
        {
            errors.Add(new ExpressionError(containment.Question.Position,
                $"contains tests multichoice questions, but {question.Code} is {QuestionTypes.Describe(question.Type)}"));
            return;
        }

        CheckOption(question, containment.Option, errors);
    }

    private static void CheckLiteral(QuestionSchema question, Literal literal, List<ExpressionError> errors)
    {
        var message = question.Type switch
        {
            QuestionTypes.YesNo when literal is not BooleanLiteral =>
                $"{question.Code} is a yes/no question: compare it with true or false, not {literal.Text}",
            QuestionTypes.Integer or QuestionTypes.Decimal or QuestionTypes.Percent when literal is not NumberLiteral =>
                $"{question.Code} is {QuestionTypes.Describe(question.Type)}: compare it with a number, not {literal.Text}",
            QuestionTypes.Text when literal is not StringLiteral =>
                $"{question.Code} is a text question: compare it with a string in double quotes, not {literal.Text}",
            QuestionTypes.YesNo or QuestionTypes.Integer or QuestionTypes.Decimal or QuestionTypes.Percent or QuestionTypes.Text => null,
            QuestionTypes.Choice => null,
            _ => $"{question.Code} is {QuestionTypes.Describe(question.Type)}, which expressions cannot test",
        };

        if (message is not null)
        {
            errors.Add(new ExpressionError(literal.Position, message));
        }
        else if (question.Type == QuestionTypes.Choice)
        {
            CheckOption(question, literal, errors);
        }
    }

    private static void CheckOption(QuestionSchema question, Literal literal, List<ExpressionError> errors)
    {
        if (literal is not StringLiteral option)
        {
            errors.Add(new ExpressionError(literal.Position,
                $"{question.Code} is {QuestionTypes.Describe(question.Type)}: write one of its options in double quotes, not {literal.Text}"));
        }
        else if (question.Options is { Count: > 0 } options && !options.Contains(option.Value, StringComparer.Ordinal))
        {
            errors.Add(new ExpressionError(literal.Position,
                $"{option.Text} is not an option of {question.Code}; its options are {string.Join(", ", options.Select(o => new StringLiteral(o, default).Text))}"));
        }
    }

    private static bool RefuseMultiChoice(QuestionSchema question, QuestionReference reference, List<ExpressionError> errors)
    {
        if (question.Type != QuestionTypes.MultiChoice)
        {
            return false;
        }

        errors.Add(new ExpressionError(reference.Position,
            $"{question.Code} is a multichoice question: test it with {question.Code} contains \"option\""));
        return true;
    }

    private static QuestionSchema? Resolve(QuestionReference reference, IReadOnlyDictionary<string, QuestionSchema> questions, List<ExpressionError> errors)
    {
        if (questions.TryGetValue(reference.Code, out var question))
        {
            return question;
        }

        errors.Add(new ExpressionError(reference.Position, $"unknown question code {reference.Code}: the questionnaire has no such question"));
        return null;
    }
}
