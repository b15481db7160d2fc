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

    /// <summary>
    /// A numeric expression (the <c>value</c> of a mean, median or sum, or a side of a ratio) must use numeric
    /// questions only, and at least one. <paramref name="purpose"/> names what needs the number, for messages.
    /// </summary>
    public static IReadOnlyList<ExpressionError> CheckNumber(Operand value, IReadOnlyDictionary<string, QuestionSchema> questions, string purpose = "a mean or sum")
    {
        var errors = new List<ExpressionError>();
        CheckArithmetic(value, questions, errors, purpose);
        if (ExpressionQuestions.Of(value).Count == 0)
        {
            errors.Add(new ExpressionError(value.Position, $"{purpose} aggregates answers: use at least one question code, e.g. ANTAL"));
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
        if (comparison.Right is not Literal literal)
        {
            errors.Add(new ExpressionError(comparison.Position, "a comparison compares a question code with a value"));
            return;
        }

        if (comparison.Left is not QuestionReference reference)
        {
            CheckArithmetic(comparison.Left, questions, errors, "arithmetic");
            RequireNumber(literal, errors);
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
            CheckArithmetic(membership.Item, questions, errors, "arithmetic");
            foreach (var candidate in membership.Candidates)
            {
                RequireNumber(candidate, errors);
            }

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

    /// <summary>Every question in arithmetic must be numeric; a literal divisor of 0 can never give a value.</summary>
    private static void CheckArithmetic(Operand operand, IReadOnlyDictionary<string, QuestionSchema> questions, List<ExpressionError> errors, string purpose)
    {
        switch (operand)
        {
            case QuestionReference reference when Resolve(reference, questions, errors) is { } question && !QuestionTypes.IsNumber(question.Type):
                errors.Add(new ExpressionError(reference.Position,
                    $"{question.Code} is {QuestionTypes.Describe(question.Type)}; {purpose} needs an integer, decimal or percent question"));
                break;
            case Arithmetic arithmetic:
                CheckArithmetic(arithmetic.Left, questions, errors, "arithmetic");
                CheckArithmetic(arithmetic.Right, questions, errors, "arithmetic");
                if (arithmetic is { Operator: ArithmeticOperator.Divide, Right: NumberLiteral { Value: 0 } zero })
                {
                    errors.Add(new ExpressionError(zero.Position, "dividing by 0 never gives a value"));
                }

                break;
            case Literal literal and not NumberLiteral:
                errors.Add(new ExpressionError(literal.Position, $"{purpose} needs numbers, not {literal.Text}"));
                break;
        }
    }

    private static void RequireNumber(Literal literal, List<ExpressionError> errors)
    {
        if (literal is not NumberLiteral)
        {
            errors.Add(new ExpressionError(literal.Position, $"arithmetic gives a number: compare it with a number, not {literal.Text}"));
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
