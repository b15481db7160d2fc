using System.Text.Json;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Tests.Expressions;

public class EvaluationTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Answers =
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""
            {
              "DIGPLAN": true,
              "ANTAL": 12,
              "ANDEL": 12.5,
              "TRYGGLARM": "Ja, några",
              "TEKNIK": ["GPS-larm", "Nattkamera"],
              "KOMMENTAR": "Bra",
              "TOM": null
            }
            """)!;

    [Theory]
    [InlineData("DIGPLAN == true", true)]
    [InlineData("DIGPLAN == false", false)]
    [InlineData("DIGPLAN != true", false)]
    [InlineData("DIGPLAN != false", true)]
    [InlineData("ANTAL == 12", true)]
    [InlineData("ANTAL == 12.0", true)]
    [InlineData("ANTAL != 12", false)]
    [InlineData("ANTAL < 13", true)]
    [InlineData("ANTAL < 12", false)]
    [InlineData("ANTAL <= 12", true)]
    [InlineData("ANTAL > 12", false)]
    [InlineData("ANTAL > 11.5", true)]
    [InlineData("ANTAL >= 12", true)]
    [InlineData("ANDEL == 12.5", true)]
    [InlineData("ANDEL > 12.4", true)]
    [InlineData("ANDEL > -1", true)]
    [InlineData("TRYGGLARM == \"Ja, några\"", true)]
    [InlineData("TRYGGLARM == \"Ja, alla\"", false)]
    [InlineData("TRYGGLARM != \"Ja, alla\"", true)]
    [InlineData("TRYGGLARM in [\"Ja, alla\", \"Ja, några\"]", true)]
    [InlineData("TRYGGLARM in [\"Nej\"]", false)]
    [InlineData("ANTAL in [1, 12]", true)]
    [InlineData("TEKNIK contains \"GPS-larm\"", true)]
    [InlineData("TEKNIK contains \"Kameratillsyn\"", false)]
    [InlineData("KOMMENTAR == \"Bra\"", true)]
    [InlineData("KOMMENTAR == \"bra\"", false)]
    [InlineData("answered(DIGPLAN)", true)]
    [InlineData("answered(TEKNIK)", true)]
    public void Each_operator_evaluates_over_the_answers(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("SAKNAS == 1")]
    [InlineData("SAKNAS != 1")]
    [InlineData("SAKNAS < 1")]
    [InlineData("SAKNAS >= 1")]
    [InlineData("SAKNAS == true")]
    [InlineData("SAKNAS != \"Ja\"")]
    [InlineData("SAKNAS in [1, 2]")]
    [InlineData("SAKNAS contains \"GPS-larm\"")]
    [InlineData("answered(SAKNAS)")]
    [InlineData("TOM == true")]
    [InlineData("TOM != true")]
    [InlineData("TOM contains \"x\"")]
    [InlineData("answered(TOM)")]
    public void A_missing_or_null_answer_makes_every_test_false(string text) =>
        Assert.False(Evaluate(text));

    [Theory]
    [InlineData("not SAKNAS == 1", true)]
    [InlineData("not answered(TOM)", true)]
    [InlineData("DIGPLAN == true and ANTAL > 20", false)]
    [InlineData("DIGPLAN == true and ANTAL > 10", true)]
    [InlineData("DIGPLAN == false or ANTAL > 10", true)]
    [InlineData("DIGPLAN == false or ANTAL > 20", false)]
    [InlineData("not DIGPLAN == true", false)]
    [InlineData("not (DIGPLAN == false or ANTAL < 5)", true)]
    [InlineData("DIGPLAN == false or ANTAL > 10 and SAKNAS == 1", false)]
    [InlineData("(DIGPLAN == true or ANTAL > 10) and not SAKNAS == 1", true)]
    public void And_or_and_not_combine_tests(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text));

    [Theory]
    [InlineData("ANTAL", 12.0)]
    [InlineData("ANDEL", 12.5)]
    [InlineData("SAKNAS", null)]
    [InlineData("TOM", null)]
    [InlineData("KOMMENTAR", null)]
    public void A_value_is_the_numeric_answer_or_nothing(string value, double? expected) =>
        Assert.Equal(expected, ExpressionEvaluator.Number(ExpressionParser.ParseValue(value), Answers));

    private static bool Evaluate(string text) => ExpressionEvaluator.Evaluate(ExpressionParser.ParseCondition(text), Answers);
}
