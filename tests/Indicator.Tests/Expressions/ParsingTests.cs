using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Tests.Expressions;

public class ParsingTests
{
    [Theory]
    [InlineData("ANTAL == 1", "(== ANTAL 1)")]
    [InlineData("ANTAL != 1", "(!= ANTAL 1)")]
    [InlineData("ANTAL < 1", "(< ANTAL 1)")]
    [InlineData("ANTAL <= 1", "(<= ANTAL 1)")]
    [InlineData("ANTAL > 1", "(> ANTAL 1)")]
    [InlineData("ANTAL >= 1", "(>= ANTAL 1)")]
    [InlineData("DIGPLAN == true", "(== DIGPLAN true)")]
    [InlineData("DIGPLAN == false", "(== DIGPLAN false)")]
    [InlineData("ANDEL > 12.5", "(> ANDEL 12.5)")]
    [InlineData("SALDO > -3", "(> SALDO -3)")]
    [InlineData("ANTAL>0", "(> ANTAL 0)")]
    [InlineData("TRYGGLARM in [\"Ja, alla\", \"Ja, några\"]", "(in TRYGGLARM [\"Ja, alla\", \"Ja, några\"])")]
    [InlineData("ANTAL in [1]", "(in ANTAL [1])")]
    [InlineData("TEKNIK contains \"GPS-larm\"", "(contains TEKNIK \"GPS-larm\")")]
    [InlineData("answered(DIGPLAN)", "(answered DIGPLAN)")]
    [InlineData("answered ( DIGPLAN )", "(answered DIGPLAN)")]
    [InlineData("not DIGPLAN == true", "(not (== DIGPLAN true))")]
    [InlineData("Q_2B == 1", "(== Q_2B 1)")]
    public void Each_operator_parses_to_its_node(string text, string tree) =>
        Assert.Equal(tree, Show.Tree(ExpressionParser.ParseCondition(text)));

    [Theory]
    [InlineData("A == 1 or B == 2 and C == 3", "(or (== A 1) (and (== B 2) (== C 3)))")]
    [InlineData("A == 1 and B == 2 or C == 3", "(or (and (== A 1) (== B 2)) (== C 3))")]
    [InlineData("not A == 1 and B == 2", "(and (not (== A 1)) (== B 2))")]
    [InlineData("not not A == 1", "(not (not (== A 1)))")]
    [InlineData("A == 1 or B == 2 or C == 3", "(or (or (== A 1) (== B 2)) (== C 3))")]
    [InlineData("A == 1 and B == 2 and C == 3", "(and (and (== A 1) (== B 2)) (== C 3))")]
    public void Or_binds_loosest_then_and_then_not(string text, string tree) =>
        Assert.Equal(tree, Show.Tree(ExpressionParser.ParseCondition(text)));

    [Theory]
    [InlineData("(A == 1 or B == 2) and C == 3", "(and (or (== A 1) (== B 2)) (== C 3))")]
    [InlineData("not (A == 1 and B == 2)", "(not (and (== A 1) (== B 2)))")]
    [InlineData("((A == 1))", "(== A 1)")]
    public void Parentheses_override_precedence(string text, string tree) =>
        Assert.Equal(tree, Show.Tree(ExpressionParser.ParseCondition(text)));

    [Fact]
    public void Strings_keep_swedish_letters_and_escaped_quotes()
    {
        var condition = ExpressionParser.ParseCondition("SVAR == \"Åtgärd för äldre, \\\"öppen\\\" vård\"");

        var literal = Assert.IsType<StringLiteral>(Assert.IsType<Comparison>(condition).Right);
        Assert.Equal("Åtgärd för äldre, \"öppen\" vård", literal.Value);
    }

    [Fact]
    public void Nodes_know_their_line_and_column()
    {
        var condition = Assert.IsType<AndCondition>(ExpressionParser.ParseCondition("A == 1 and\n  (B == 2 or answered(C))"));

        var right = Assert.IsType<OrCondition>(condition.Right);
        Assert.Equal(new SourcePosition(2, 4), right.Left.Position);
        var answered = Assert.IsType<AnsweredCondition>(right.Right);
        Assert.Equal(new SourcePosition(2, 14), answered.Position);
        Assert.Equal(new SourcePosition(2, 23), answered.Question.Position);
    }

    [Theory]
    [InlineData("DIGPLAN == ", 1, 12, "unexpected end of input")]
    [InlineData("DIGPLAN = true", 1, 9, "'=' is not an operator")]
    [InlineData("DIGPLAN ! true", 1, 9, "'!' is not an operator")]
    [InlineData("digplan == true", 1, 1, "'digplan' is neither a keyword nor a question code")]
    [InlineData("DIGPLAN == true AND ANTAL > 0", 1, 17, "unexpected question code `AND`")]
    [InlineData("A == 1 and", 1, 11, "unexpected end of input")]
    [InlineData("(A == 1", 1, 8, "expected `)`")]
    [InlineData("A == \"open", 1, 6, "no closing \"")]
    [InlineData("A == 'Ja'", 1, 6, "double quotes")]
    [InlineData("A in []", 1, 7, "unexpected `]`")]
    [InlineData("A in [1, ]", 1, 10, "unexpected `]`")]
    [InlineData("A == 1.", 1, 8, "a digit must follow the decimal point")]
    [InlineData("A == B", 1, 6, "unexpected question code `B`")]
    [InlineData("A", 1, 2, "unexpected end of input")]
    [InlineData("A ==\n  and", 2, 3, "unexpected keyword `and`")]
    [InlineData("ÅR == 1", 1, 1, "neither a keyword nor a question code")]
    [InlineData("A == 1 # comment", 1, 8, "unexpected character '#'")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("   ", 1, 1, "empty")]
    public void A_syntax_error_names_its_line_and_column(string text, int line, int column, string message)
    {
        Assert.False(ExpressionParser.TryParseCondition(text, out _, out var error));

        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"Line {line}, column {column}: ", error.ToString());
    }

    [Fact]
    public void Parsing_invalid_text_throws_with_the_position()
    {
        var exception = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.ParseCondition("A == 1 or or"));

        Assert.Equal(new SourcePosition(1, 11), exception.Error.Position);
        Assert.Contains("column 11", exception.Message);
        Assert.Contains("expected `not`, `(`, `answered` or question code", exception.Message);
    }

    [Fact]
    public void A_value_is_a_question_code()
    {
        Assert.Equal("ANTAL", Assert.IsType<QuestionReference>(ExpressionParser.ParseValue(" ANTAL ")).Code);

        Assert.False(ExpressionParser.TryParseValue("ANTAL == 1", out _, out var error));
        Assert.Equal(new SourcePosition(1, 7), error.Position);
    }

    [Fact]
    public void The_questions_an_expression_uses_are_listed_once_in_order()
    {
        var condition = ExpressionParser.ParseCondition("C == 1 and (answered(B) or TEKNIK contains \"x\") and not C > 2 or A in [1, 2]");

        Assert.Equal(["A", "B", "C", "TEKNIK"], ExpressionQuestions.Of(condition));
    }
}
