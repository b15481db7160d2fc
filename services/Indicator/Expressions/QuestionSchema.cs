namespace VisionEHalsa.Indicator.Expressions;

/// <summary>What the language needs to know of a question: its code, type and, for choices, its options.</summary>
public sealed record QuestionSchema(string Code, string Type, IReadOnlyList<string>? Options = null);

public static class QuestionTypes
{
    public const string YesNo = "yesno";
    public const string Choice = "choice";
    public const string MultiChoice = "multichoice";
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    public const string Percent = "percent";
    public const string Text = "text";

    public static bool IsNumber(string type) => type is Integer or Decimal or Percent;

    public static string Describe(string type) => type switch
    {
        YesNo => "a yes/no question",
        Choice => "a choice question",
        MultiChoice => "a multichoice question",
        Integer => "an integer question",
        Decimal => "a decimal question",
        Percent => "a percent question",
        Text => "a text question",
        _ => $"a question of type '{type}'",
    };
}
