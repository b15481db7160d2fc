using System.Diagnostics.CodeAnalysis;
using System.Text;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using static VisionEHalsa.Indicator.Expressions.ExpressionToken;

namespace VisionEHalsa.Indicator.Expressions;

/// <summary>
/// Parses indicator expressions with Superpower: tokens first, then combinators. Precedence from lowest:
/// <c>or</c>, <c>and</c>, <c>not</c>; then parentheses, <c>answered(CODE)</c> and tests on one question.
/// </summary>
public static class ExpressionParser
{
    public static bool TryParseCondition(string text, [NotNullWhen(true)] out Condition? condition, [NotNullWhen(false)] out ExpressionError? error) =>
        TryParse(text, Grammar.Condition, out condition, out error);

    public static Condition ParseCondition(string text) =>
        TryParseCondition(text, out var condition, out var error) ? condition : throw new ExpressionSyntaxException(error);

    /// <summary>The <c>value</c> of a mean or sum: today a question code, later perhaps arithmetic.</summary>
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

        private static readonly TokenListParser<ExpressionToken, Condition> QuestionTest =
            from question in Question
            from test in Compared(question).Or(Member(question)).Or(Contained(question))
            select test;

        private static readonly TokenListParser<ExpressionToken, Condition> AnsweredTest =
            from keyword in Token.EqualTo(ExpressionToken.Answered)
            from question in Question.Between(Token.EqualTo(OpenParenthesis), Token.EqualTo(CloseParenthesis))
            select (Condition)new AnsweredCondition(question, At(keyword));

        // Parse.Ref reads the fields below only when parsing, after every initialiser has run.
        private static readonly TokenListParser<ExpressionToken, Condition> Group =
            Parse.Ref(() => Disjunction!).Between(Token.EqualTo(OpenParenthesis), Token.EqualTo(CloseParenthesis));

        private static readonly TokenListParser<ExpressionToken, Condition> Factor =
            Group.Or(AnsweredTest).Or(QuestionTest);

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

        public static readonly TokenListParser<ExpressionToken, Operand> Value = Question.Select(q => (Operand)q).AtEnd();

        private static TokenListParser<ExpressionToken, Condition> Compared(QuestionReference question) =>
            from op in Operator
            from literal in Literal
            select (Condition)new Comparison(question, op, literal, question.Position);

        private static TokenListParser<ExpressionToken, Condition> Member(QuestionReference question) =>
            from keyword in Token.EqualTo(In)
            from candidates in Literal.AtLeastOnceDelimitedBy(Token.EqualTo(Comma))
                .Between(Token.EqualTo(OpenBracket), Token.EqualTo(CloseBracket))
            select (Condition)new Membership(question, candidates, question.Position);

        private static TokenListParser<ExpressionToken, Condition> Contained(QuestionReference question) =>
            from keyword in Token.EqualTo(ExpressionToken.Contains)
            from option in Literal
            select (Condition)new Containment(question, option, question.Position);

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
