using System.Text.Json;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Tests.Expressions;

public class ArithmeticTests
{
    private static readonly Dictionary<string, QuestionSchema> Questions = new[]
    {
        new QuestionSchema("TRYGG_ANTAL", QuestionTypes.Integer),
        new QuestionSchema("TRYGG_DIGITALA", QuestionTypes.Integer),
        new QuestionSchema("ANDEL", QuestionTypes.Percent),
        new QuestionSchema("DIGPLAN", QuestionTypes.YesNo),
        new QuestionSchema("TEKNIK", QuestionTypes.MultiChoice, ["GPS-larm", "Nattkamera"]),
    }.ToDictionary(q => q.Code);

    private static readonly IReadOnlyDictionary<string, JsonElement> Answers =
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""
            {"TRYGG_ANTAL": 200, "TRYGG_DIGITALA": 150, "NOLL": 0, "ANDEL": 12.5, "TOM": null, "TEKNIK": ["GPS-larm"], "TEXT": "5"}
            """)!;

    [Theory]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL > 0.5", "(> (/ TRYGG_DIGITALA TRYGG_ANTAL) 0.5)")]
    [InlineData("A + B * C == 1", "(== (+ A (* B C)) 1)")]
    [InlineData("A * B + C == 1", "(== (+ (* A B) C) 1)")]
    [InlineData("A - B - C == 1", "(== (- (- A B) C) 1)")]
    [InlineData("A / B / C == 1", "(== (/ (/ A B) C) 1)")]
    [InlineData("(A + B) * C == 1", "(== (* (+ A B) C) 1)")]
    [InlineData("(A + B) / 2 > 3 and C == 1", "(and (> (/ (+ A B) 2) 3) (== C 1))")]
    [InlineData("((A + B)) > 3", "(> (+ A B) 3)")]
    [InlineData("(A > 1 or B > 2) and (C - 1) * 2 >= 0", "(and (or (> A 1) (> B 2)) (>= (* (- C 1) 2) 0))")]
    [InlineData("(2 * A) > 3", "(> (* 2 A) 3)")]
    [InlineData("A-3 > -3", "(> (- A 3) -3)")]
    [InlineData("A - -3 > 0", "(> (- A -3) 0)")]
    [InlineData("A * 100 in [50, 100]", "(in (* A 100) [50, 100])")]
    [InlineData("not A + 1 > 2", "(not (> (+ A 1) 2))")]
    public void Arithmetic_binds_tighter_than_comparison_and_times_tighter_than_plus(string text, string tree) =>
        Assert.Equal(tree, Show.Tree(ExpressionParser.ParseCondition(text)));

    [Theory]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL", "(/ TRYGG_DIGITALA TRYGG_ANTAL)")]
    [InlineData("100 * (A - B) / C", "(/ (* 100 (- A B)) C)")]
    [InlineData("-2 * A", "(* -2 A)")]
    public void A_value_may_be_arithmetic(string text, string tree) =>
        Assert.Equal(tree, Show.Operand(ExpressionParser.ParseValue(text)));

    [Theory]
    [InlineData("A + > 1", 1, 5, "unexpected `>`")]
    [InlineData("A * (B + C > 1", 1, 12, "unexpected `>`, expected `)`")]
    [InlineData("(A + B > 1", 1, 11, "expected `)`")]
    [InlineData("(A == 1 or B == ) and C == 1", 1, 17, "unexpected `)`")]
    [InlineData("A + B contains \"x\"", 1, 7, "unexpected keyword `contains`")]
    [InlineData("A + B", 1, 6, "unexpected end of input")]
    [InlineData("A == B + 1", 1, 6, "unexpected question code `B`")]
    [InlineData("2 * A > 1", 1, 1, "unexpected number `2`")]
    public void An_arithmetic_syntax_error_names_its_line_and_column(string text, int line, int column, string message)
    {
        Assert.False(ExpressionParser.TryParseCondition(text, out _, out var error));

        Assert.Equal((new SourcePosition(line, column), true), (error.Position, error.Message.Contains(message)));
    }

    [Theory]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL > 0.5")]
    [InlineData("(TRYGG_ANTAL - TRYGG_DIGITALA) * 100 / TRYGG_ANTAL - ANDEL <= 0")]
    [InlineData("TRYGG_ANTAL + 1 in [1, 2]")]
    public void Arithmetic_on_numeric_questions_has_no_type_errors(string text) =>
        Assert.Empty(ExpressionTypeChecker.Check(ExpressionParser.ParseCondition(text), Questions));

    [Theory]
    [InlineData("DIGPLAN + 1 > 0", 1, "DIGPLAN is a yes/no question; arithmetic needs an integer, decimal or percent question")]
    [InlineData("TRYGG_ANTAL / TEKNIK > 0", 15, "TEKNIK is a multichoice question; arithmetic needs")]
    [InlineData("TRYGG_ANTAL * 2 == true", 20, "arithmetic gives a number: compare it with a number, not true")]
    [InlineData("TRYGG_ANTAL - 1 in [\"Ja\"]", 21, "compare it with a number, not \"Ja\"")]
    [InlineData("TRYGG_ANTAL / 0 > 1", 15, "dividing by 0 never gives a value")]
    [InlineData("OKAND * 2 > 1", 1, "unknown question code OKAND")]
    public void A_type_error_in_arithmetic_names_its_column(string text, int column, string message)
    {
        var error = Assert.Single(ExpressionTypeChecker.Check(ExpressionParser.ParseCondition(text), Questions));

        Assert.Equal((new SourcePosition(1, column), true), (error.Position, error.Message.Contains(message)));
    }

    [Theory]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL", "a ratio", null)]
    [InlineData("ANDEL * 2", "a median", null)]
    [InlineData("100", "a sum", "a sum aggregates answers: use at least one question code")]
    [InlineData("DIGPLAN * 2", "a ratio", "DIGPLAN is a yes/no question; arithmetic needs")]
    [InlineData("DIGPLAN", "a ratio", "DIGPLAN is a yes/no question; a ratio needs an integer, decimal or percent question")]
    public void A_numeric_expression_needs_numeric_questions(string text, string purpose, string? message)
    {
        var errors = ExpressionTypeChecker.CheckNumber(ExpressionParser.ParseValue(text), Questions, purpose);

        Assert.Equal(message is null ? [] : [true], errors.Select(e => e.Message.Contains(message!)));
    }

    [Theory]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL > 0.5", true)]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL > 0.75", false)]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL == 0.75", true)]
    [InlineData("TRYGG_ANTAL - TRYGG_DIGITALA == 50", true)]
    [InlineData("(TRYGG_ANTAL + TRYGG_DIGITALA) * 2 == 700", true)]
    [InlineData("ANDEL * 2 == 25", true)]
    [InlineData("TRYGG_ANTAL / NOLL > 0", false)]
    [InlineData("TRYGG_ANTAL / NOLL != 0", false)]
    [InlineData("TRYGG_ANTAL + TOM >= 0", false)]
    [InlineData("TRYGG_ANTAL + SAKNAS != 1", false)]
    [InlineData("TEXT + 1 == 6", false)]
    [InlineData("TRYGG_ANTAL - 1 in [199, 1]", true)]
    [InlineData("not TRYGG_ANTAL / NOLL > 0", true)]
    public void Arithmetic_evaluates_and_has_no_value_when_an_operand_has_none(string text, bool expected) =>
        Assert.Equal(expected, ExpressionEvaluator.Evaluate(ExpressionParser.ParseCondition(text), Answers));

    [Theory]
    [InlineData("TRYGG_DIGITALA / TRYGG_ANTAL * 100", 75.0)]
    [InlineData("TRYGG_ANTAL - 2 * TRYGG_DIGITALA", -100.0)]
    [InlineData("TRYGG_ANTAL / NOLL", null)]
    [InlineData("TRYGG_ANTAL * TOM", null)]
    [InlineData("SAKNAS + 1", null)]
    public void A_numeric_value_is_computed_or_nothing(string text, double? expected) =>
        Assert.Equal(expected, ExpressionEvaluator.Number(ExpressionParser.ParseValue(text), Answers));

    [Theory]
    [InlineData("o3", true)]
    [InlineData("o69", true)]
    [InlineData("o70", false)]
    public void Contains_finds_an_option_beyond_the_first_64_compared_with(string chosen, bool expected)
    {
        var condition = ExpressionParser.ParseCondition(string.Join(" or ", Enumerable.Range(0, 70).Select(i => $"TEKNIK contains \"o{i}\"")));
        var answers = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>($$"""{"TEKNIK": ["annat", "{{chosen}}"]}""")!;

        Assert.Equal(expected, ExpressionEvaluator.Evaluate(condition, answers));
    }

    [Fact]
    public void The_questions_of_arithmetic_are_listed()
    {
        Assert.Equal(["A", "B", "C"], ExpressionQuestions.Of(ExpressionParser.ParseCondition("(C + A) / B > 1")));
        Assert.Equal(["X", "Y"], ExpressionQuestions.Of(ExpressionParser.ParseValue("Y * 2 - X")));
    }
}
