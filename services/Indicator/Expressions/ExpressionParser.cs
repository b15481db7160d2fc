using System.Diagnostics.CodeAnalysis;
using System.Text;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using static VisionEHalsa.Indicator.Expressions.ExpressionToken;

namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// Parses indicator expressions with Superpower: tokens first, then combinators. Precedence from lowest:
/// <c>or</c>, <c>and</c>, <c>not</c>; then parentheses, <c>answered(CODE)</c> and tests; inside a test's
/// left side <c>+ -</c>, then <c>* /</c>. A test starts with a question or a parenthesised sum, so that a
/// stray number where a condition belongs is reported as such.
/// </summary>
public static class ExpressionParser
{
    public static bool TryParseCondition(string text, [NotNullWhen(true)] out Condition? condition, [NotNullWhen(false)] out ExpressionError? error) =>
        TryParse(text, Grammar.Condition, out condition, out error);

    public static Condition ParseCondition(string text) =>
        TryParseCondition(text, out var condition, out var error) ? condition : throw new ExpressionSyntaxException(error);

    /// <summary>A numeric expression: the <c>value</c> of a mean, median or sum, and both sides of a ratio.</summary>
    public static bool TryParseValue(string text, [NotNullWhen(true)] out Operand? value, [NotNullWhen(false)] out ExpressionError? error) =>
        TryParse(text, Grammar.Value, out value, out error);

    public static Operand ParseValue(string text) =>
        TryParseValue(text, out var value, out var error) ? value : throw new ExpressionSyntaxException(error);

    private static bool TryParse<T>(string text, TokenListParser<ExpressionToken, T> parser, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out ExpressionError? error)
        where T : class
    {
        value = null;
        var tokens = ExpressionTokenizer.Instance.TryTokenize(text);
        if (!tokens.HasValue)
        {
            error = new ExpressionError(PositionOf(tokens.ErrorPosition, text), tokens.FormatErrorMessageFragment());
            return false;
        }

        if (tokens.Value.IsAtEnd)
        {
            error = new ExpressionError(new SourcePosition(1, 1), "the expression is empty");
            return false;
        }

        var result = parser.TryParse(tokens.Value);
        if (!result.HasValue)
        {
            error = new ExpressionError(PositionOf(result.ErrorPosition, text), result.FormatErrorMessageFragment());
            return false;
        }

        value = result.Value;
        error = null;
        return true;
    }

    private static SourcePosition PositionOf(Position position, string text)
    {
        if (position.HasValue)
        {
            return new SourcePosition(position.Line, position.Column);
        }

        // Superpower gives no position for an unexpected end: point just past the last character.
        var lastBreak = text.LastIndexOf('\n');
        return new SourcePosition(text.Count(c => c == '\n') + 1, text.Length - lastBreak);
    }

    private static class Grammar
    {
        private static readonly TokenListParser<ExpressionToken, QuestionReference> Question =
            Token.EqualTo(QuestionCode).Select(t => new QuestionReference(t.ToStringValue(), At(t))).Named("question code");

        private static readonly TokenListParser<ExpressionToken, Literal> Literal =
            Token.EqualTo(Number).Select(t => (Literal)new NumberLiteral(ParseNumber(t), At(t)))
                .Or(Token.EqualTo(ExpressionToken.String).Select(t => (Literal)new StringLiteral(Unquote(t.Span), At(t))))
                .Or(Token.EqualTo(True).Select(t => (Literal)new BooleanLiteral(true, At(t))))
                .Or(Token.EqualTo(False).Select(t => (Literal)new BooleanLiteral(false, At(t))));

        private static readonly TokenListParser<ExpressionToken, ComparisonOperator> Operator =
            Token.EqualTo(Equal).Value(ComparisonOperator.Equal)
                .Or(Token.EqualTo(NotEqual).Value(ComparisonOperator.NotEqual))
                .Or(Token.EqualTo(Less).Value(ComparisonOperator.Less))
                .Or(Token.EqualTo(LessOrEqual).Value(ComparisonOperator.LessOrEqual))
                .Or(Token.EqualTo(Greater).Value(ComparisonOperator.Greater))
                .Or(Token.EqualTo(GreaterOrEqual).Value(ComparisonOperator.GreaterOrEqual));

        private static readonly TokenListParser<ExpressionToken, ArithmeticOperator> MultiplyOperator =
            Token.EqualTo(Times).Value(ArithmeticOperator.Multiply)
                .Or(Token.EqualTo(Divide).Value(ArithmeticOperator.Divide));

        private static readonly TokenListParser<ExpressionToken, ArithmeticOperator> AddOperator =
            Token.EqualTo(Plus).Value(ArithmeticOperator.Add)
                .Or(Token.EqualTo(Minus).Value(ArithmeticOperator.Subtract));

        // Parse.Ref reads the fields below only when parsing, after every initialiser has run.
        private static readonly TokenListParser<ExpressionToken, Operand> ParenthesisedSum =
            Parse.Ref(() => Sum!).Between(Token.EqualTo(OpenParenthesis), Token.EqualTo(CloseParenthesis));

        private static readonly TokenListParser<ExpressionToken, Operand> Atom =
            Question.Select(q => (Operand)q)
                .Or(Token.EqualTo(Number).Select(t => (Operand)new NumberLiteral(ParseNumber(t), At(t))))
                .Or(ParenthesisedSum);

        private static readonly TokenListParser<ExpressionToken, Operand> Product = Parse.Chain(MultiplyOperator, Atom, Combine);

        private static readonly TokenListParser<ExpressionToken, Operand> Sum = Parse.Chain(AddOperator, Product, Combine);

        /// <summary>A test that starts with a question: <c>ANTAL > 0</c>, <c>A / B >= 0.5</c>, <c>X in [...]</c>, <c>X contains "..."</c>.</summary>
        private static readonly TokenListParser<ExpressionToken, Condition> QuestionTest =
            from question in Question
            from left in SumFrom(question)
            from test in TestOf(left)
            select test;

        private static readonly TokenListParser<ExpressionToken, Condition> AnsweredTest =
            from keyword in Token.EqualTo(ExpressionToken.Answered)
            from question in Question.Between(Token.EqualTo(OpenParenthesis), Token.EqualTo(CloseParenthesis))
            select (Condition)new AnsweredCondition(question, At(keyword));

        private static readonly TokenListParser<ExpressionToken, Condition> Group =
            Parse.Ref(() => Disjunction!).Between(Token.EqualTo(OpenParenthesis), Token.EqualTo(CloseParenthesis));

        private static readonly TokenListParser<ExpressionToken, Condition> ParenthesisedSumTest =
            from inner in ParenthesisedSum
            from left in SumFrom(inner)
            from test in TestOf(left)
            select test;

        /// <summary>
        /// "(" opens either a group of conditions, <c>(A == 1 or B == 2)</c>, or a sum that is then compared,
        /// <c>(A + B) / 2 > 3</c>. Both are tried and the one that got further wins, so an error inside the
        /// parentheses is reported where it is rather than at the "(".
        /// </summary>
        private static readonly TokenListParser<ExpressionToken, Condition> Parenthesised = input =>
        {
            var group = Group(input);
            if (group.HasValue)
            {
                return group;
            }

            var sum = ParenthesisedSumTest(input);
            return sum.HasValue || sum.Remainder.Position > group.Remainder.Position ? sum : group;
        };

        private static readonly TokenListParser<ExpressionToken, Condition> Factor =
            Parenthesised.Or(AnsweredTest).Or(QuestionTest);

        private static readonly TokenListParser<ExpressionToken, Condition> Negation =
            (from keyword in Token.EqualTo(Not)
             from operand in Parse.Ref(() => Negation!)
             select (Condition)new NotCondition(operand, At(keyword)))
            .Or(Factor);

        private static readonly TokenListParser<ExpressionToken, Condition> Conjunction =
            Parse.Chain(Token.EqualTo(And), Negation, (_, left, right) => new AndCondition(left, right, left.Position));

        private static readonly TokenListParser<ExpressionToken, Condition> Disjunction =
            Parse.Chain(Token.EqualTo(Or), Conjunction, (_, left, right) => new OrCondition(left, right, left.Position));

        public static readonly TokenListParser<ExpressionToken, Condition> Condition = Disjunction.AtEnd();

        /// <summary>A numeric expression: <c>ANTAL</c>, <c>TRYGG_DIGITALA / TRYGG_ANTAL</c>, <c>(A + B) * 100</c>.</summary>
        public static readonly TokenListParser<ExpressionToken, Operand> Value = Sum.AtEnd();

        /// <summary>The rest of a sum whose first atom is read: <c>* / </c> bind tighter than <c>+ -</c>.</summary>
        private static TokenListParser<ExpressionToken, Operand> SumFrom(Operand first) =>
            from factors in (from op in MultiplyOperator from right in Atom select (op, right)).Many()
            from terms in (from op in AddOperator from right in Product select (op, right)).Many()
            select terms.Aggregate(factors.Aggregate(first, (left, next) => Combine(next.op, left, next.right)),
                (left, next) => Combine(next.op, left, next.right));

        /// <summary>What may follow the left side of a test; only a question itself can be asked what it contains.</summary>
        private static TokenListParser<ExpressionToken, Condition> TestOf(Operand left) =>
            left is QuestionReference question
                ? Compared(left).Or(Member(left)).Or(Contained(question))
                : Compared(left).Or(Member(left));

        private static TokenListParser<ExpressionToken, Condition> Compared(Operand left) =>
            from op in Operator
            from literal in Literal
            select (Condition)new Comparison(left, op, literal, left.Position);

        private static TokenListParser<ExpressionToken, Condition> Member(Operand item) =>
            from keyword in Token.EqualTo(In)
            from candidates in Literal.AtLeastOnceDelimitedBy(Token.EqualTo(Comma))
                .Between(Token.EqualTo(OpenBracket), Token.EqualTo(CloseBracket))
            select (Condition)new Membership(item, candidates, item.Position);

        private static TokenListParser<ExpressionToken, Condition> Contained(QuestionReference question) =>
            from keyword in Token.EqualTo(ExpressionToken.Contains)
            from option in Literal
            select (Condition)new Containment(question, option, question.Position);

        private static Operand Combine(ArithmeticOperator op, Operand left, Operand right) => new Arithmetic(left, op, right, left.Position);

        private static SourcePosition At(Token<ExpressionToken> token) => new(token.Position.Line, token.Position.Column);

        private static decimal ParseNumber(Token<ExpressionToken> token) =>
            NumberLiterals.TryParse(token.ToStringValue(), out var value) ? value : throw new ParseException("number out of range", token.Position);

        private static string Unquote(TextSpan span)
        {
            var text = span.ToStringValue();
            var builder = new StringBuilder(text.Length);
            for (var i = 1; i < text.Length - 1; i++)
            {
                // A backslash takes the next character literally: \" and \\ are the ones that matter.
                if (text[i] == '\\' && i + 1 < text.Length - 1)
                {
                    i++;
                }

                builder.Append(text[i]);
            }

            return builder.ToString();
        }
    }
}
