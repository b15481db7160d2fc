using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VisionEHalsa.Survey.Questionnaires;

public static class QuestionTypes
{
    public const string Yesno = "yesno";
    public const string Choice = "choice";
    public const string Multichoice = "multichoice";
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    public const string Percent = "percent";
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = [Yesno, Choice, Multichoice, Integer, Decimal, Percent, Text];

    public static bool HasOptions(string type) => type is Choice or Multichoice;

    public static bool IsNumeric(string type) => type is Integer or Decimal or Percent;
}

/// <summary>
/// One question. Options apply to choice types, min/max to numbers, maxLength to text (default 2000).
/// <see cref="Section"/> names one of the questionnaire's sections; <see cref="Help"/> guides the person answering.
/// </summary>
public sealed record Question(
    [property: RegularExpression(QuestionnaireRules.CodePattern), MaxLength(40)] string Code,
    [property: MaxLength(2000)] string Text,
    [property: Description("yesno | choice | multichoice | integer | decimal | percent | text")] string Type,
    bool Required,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Options = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Range(1, int.MaxValue)] int? MaxLength = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RequiredWhen? RequiredWhen = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), MaxLength(64)] string? Section = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), MaxLength(QuestionnaireRules.MaxHelpLength)] string? Help = null);

/// <summary>A heading that groups questions; questions name it by <see cref="Id"/>.</summary>
public sealed record Section(
    [property: RegularExpression(ResourceIds.Pattern), MaxLength(64)] string Id,
    [property: MaxLength(200)] string Title);

/// <summary>The question becomes required when the answer to <see cref="Question"/> equals <see cref="Value"/>.</summary>
public sealed record RequiredWhen(string Question, [property: JsonPropertyName("equals")] JsonElement Value);

/// <summary>What the kansli posts; posting an existing id defines its next version.</summary>
public sealed record DefineQuestionnaire(
    [property: RegularExpression(ResourceIds.Pattern), MaxLength(64)] string Id,
    [property: MaxLength(200)] string Title,
    [property: Description("kommun | region: who answers it")] string Population,
    [property: MaxLength(QuestionnaireRules.MaxQuestions)] IReadOnlyList<Question> Questions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), MaxLength(QuestionnaireRules.MaxSections)] IReadOnlyList<Section>? Sections = null);

/// <summary>One version of a questionnaire. Rounds pin a version, so answers are always checked against the questions they were given.</summary>
public sealed record Questionnaire(
    string Id,
    int Version,
    string Title,
    string Population,
    IReadOnlyList<Question> Questions,
    DateTimeOffset DefinedAt,
    string DefinedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Section>? Sections = null)
{
    public Question? Find(string code) => Questions.FirstOrDefault(q => q.Code == code);
}
