using System.Text.Json;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Definitions;

/// <summary>Reads what the expression language needs from a questionnaire as the survey service writes it.</summary>
public static class QuestionnaireJson
{
    /// <summary>The questions by code, or null when <paramref name="questionnaire"/> has no questions list.</summary>
    public static Dictionary<string, QuestionSchema>? ReadQuestions(JsonElement questionnaire)
    {
        if (questionnaire.ValueKind != JsonValueKind.Object ||
            !questionnaire.TryGetProperty("questions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var questions = new Dictionary<string, QuestionSchema>(StringComparer.Ordinal);
        foreach (var question in list.EnumerateArray())
        {
            if (Text(question, "code") is { } code && Text(question, "type") is { } type)
            {
                questions[code] = new QuestionSchema(code, type, Options(question));
            }
        }

        return questions;
    }

    /// <summary>Options as strings; an option written as an object counts by its <c>value</c> (or <c>code</c>).</summary>
    private static IReadOnlyList<string>? Options(JsonElement question)
    {
        if (!question.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return
        [
            .. options.EnumerateArray()
                .Select(o => o.ValueKind == JsonValueKind.String ? o.GetString() : Text(o, "value") ?? Text(o, "code"))
                .OfType<string>(),
        ];
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
