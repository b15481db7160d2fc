using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Tests.Expressions;

public class TypeCheckingTests
{
    private static readonly Dictionary<string, QuestionSchema> Questions = new[]
    {
        new QuestionSchema("DIGPLAN", QuestionTypes.YesNo),
        new QuestionSchema("ANTAL", QuestionTypes.Integer),
        new QuestionSchema("ANDEL", QuestionTypes.Percent),
        new QuestionSchema("KOSTNAD", QuestionTypes.Decimal),
        new QuestionSchema("TRYGGLARM", QuestionTypes.Choice, ["Ja, alla", "Ja, några", "Nej"]),
        new QuestionSchema("TEKNIK", QuestionTypes.MultiChoice, ["GPS-larm", "Kameratillsyn"]),
        new QuestionSchema("KOMMENTAR", QuestionTypes.Text),
    }.ToDictionary(q => q.Code);

    [Theory]
    [InlineData("DIGPLAN == true")]
    [InlineData("DIGPLAN != false")]
    [InlineData("ANTAL > 0 and ANDEL <= 12.5 and KOSTNAD >= 1000")]
    [InlineData("TRYGGLARM in [\"Ja, alla\", \"Ja, några\"] and ANTAL > 0")]
    [InlineData("TRYGGLARM != \"Nej\"")]
    [InlineData("TEKNIK contains \"GPS-larm\"")]
    [InlineData("KOMMENTAR == \"Inga synpunkter\"")]
    [InlineData("answered(DIGPLAN) and answered(TEKNIK) and not answered(KOMMENTAR)")]
    [InlineData("ANTAL in [1, 2, 3]")]
    public void Expressions_that_fit_the_questions_have_no_errors(string text) =>
        Assert.Empty(ExpressionTypeChecker.Check(ExpressionParser.ParseCondition(text), Questions));

    [Theory]
    [InlineData("DIGPLAN == 1", 12, "DIGPLAN is a yes/no question: compare it with true or false, not 1")]
    [InlineData("DIGPLAN == \"Ja\"", 12, "compare it with true or false")]
    [InlineData("DIGPLAN < true", 1, "only == and != apply")]
    [InlineData("ANTAL == \"tio\"", 10, "ANTAL is an integer question: compare it with a number")]
    [InlineData("ANDEL > true", 9, "ANDEL is a percent question: compare it with a number")]
    [InlineData("TRYGGLARM == \"Ja\"", 14, "\"Ja\" is not an option of TRYGGLARM; its options are \"Ja, alla\", \"Ja, några\", \"Nej\"")]
    [InlineData("TRYGGLARM == 1", 14, "write one of its options in double quotes")]
    [InlineData("TRYGGLARM in [\"Ja, alla\", \"Kanske\"]", 27, "\"Kanske\" is not an option of TRYGGLARM")]
    [InlineData("TRYGGLARM > \"Nej\"", 1, "only == and != apply")]
    [InlineData("TEKNIK == \"GPS-larm\"", 1, "TEKNIK is a multichoice question: test it with TEKNIK contains")]
    [InlineData("TEKNIK in [\"GPS-larm\"]", 1, "multichoice")]
    [InlineData("TEKNIK contains \"Robot\"", 17, "\"Robot\" is not an option of TEKNIK")]
    [InlineData("TEKNIK contains 1", 17, "write one of its options in double quotes")]
    [InlineData("DIGPLAN contains \"x\"", 1, "contains tests multichoice questions, but DIGPLAN is a yes/no question")]
    [InlineData("KOMMENTAR == 3", 14, "KOMMENTAR is a text question: compare it with a string")]
    [InlineData("KOMMENTAR > \"a\"", 1, "only == and != apply")]
    [InlineData("DIGPLAN == true and OKAND == 1", 21, "unknown question code OKAND")]
    [InlineData("answered(OKAND)", 10, "unknown question code OKAND")]
    [InlineData("OKAND contains \"x\"", 1, "unknown question code OKAND")]
    public void A_type_error_names_its_column(string text, int column, string message)
    {
        var error = Assert.Single(ExpressionTypeChecker.Check(ExpressionParser.ParseCondition(text), Questions));

        Assert.Equal(new SourcePosition(1, column), error.Position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Every_type_error_is_reported_not_only_the_first()
    {
        var errors = ExpressionTypeChecker.Check(ExpressionParser.ParseCondition("OKAND == 1 or\nDIGPLAN == 2 or ANTAL > 0"), Questions);

        Assert.Equal([new SourcePosition(1, 1), new SourcePosition(2, 12)], errors.Select(e => e.Position));
    }

    [Theory]
    [InlineData("ANTAL", null)]
    [InlineData("ANDEL", null)]
    [InlineData("KOSTNAD", null)]
    [InlineData("DIGPLAN", "DIGPLAN is a yes/no question; a mean or sum needs an integer, decimal or percent question")]
    [InlineData("OKAND", "unknown question code OKAND")]
    public void A_mean_or_sum_needs_a_numeric_question(string value, string? message)
    {
        var errors = ExpressionTypeChecker.CheckNumber(ExpressionParser.ParseValue(value), Questions);

        if (message is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(message, Assert.Single(errors).Message);
        }
    }
}
