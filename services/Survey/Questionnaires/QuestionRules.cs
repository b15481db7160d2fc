using System.Globalization;
using System.Text.Json;

namespace VisionEHalsa.Survey.Questionnaires;

/// <summary>The machine-readable kinds of answer faults, listed per question code in the 422 extension <c>codes</c>.</summary>
public static class AnswerFaults
{
    public const string WrongType = "wrong_type";
    public const string OutOfRange = "out_of_range";
    public const string UnknownOption = "unknown_option";
    public const string UnknownQuestion = "unknown_question";
    public const string Required = "required";
    public const string RequiredBy = "required_by";
    public const string TooLong = "too_long";
}

public sealed record AnswerProblem(string Fault, string Message);

/// <summary>Whether one given (non-null) answer fits its question, in words a coordinator understands.</summary>
public static class QuestionRules
{
    public const int DefaultMaxLength = 2000;

    public const string UnreadableText = "The answer holds text that is not valid Unicode (invalid UTF-8 or a lone surrogate); send it as UTF-8.";

    public static IReadOnlyList<AnswerProblem> Check(Question question, JsonElement answer) => question.Type switch
    {
        QuestionTypes.Yesno => answer.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? []
            : [new(AnswerFaults.WrongType, "Answer yes or no as true or false (without quotes).")],
        QuestionTypes.Choice => CheckChoice(question, answer),
        QuestionTypes.Multichoice => CheckMultichoice(question, answer),
        QuestionTypes.Integer => CheckNumber(answer, "whole number", wholeNumber: true, question.Min, question.Max),
        QuestionTypes.Decimal => CheckNumber(answer, "number", wholeNumber: false, question.Min, question.Max),
        QuestionTypes.Percent => CheckNumber(answer, "percentage (a number without a % sign)", wholeNumber: false,
            Math.Max(question.Min ?? 0, 0), Math.Min(question.Max ?? 100, 100)),
        QuestionTypes.Text => CheckText(question, answer),
        _ => [new(AnswerFaults.WrongType, $"The question has the unknown type '{question.Type}'.")],
    };

    private static IReadOnlyList<AnswerProblem> CheckChoice(Question question, JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.String)
        {
            return [new(AnswerFaults.WrongType, $"Answer with one of the options as text: {OptionList(question)}.")];
        }

        if (!TryGetText(answer, out var chosen))
        {
            return [new(AnswerFaults.WrongType, UnreadableText)];
        }

        return IsOption(question, chosen)
            ? []
            : [new(AnswerFaults.UnknownOption, $"\"{chosen}\" is not one of the options: {OptionList(question)}.")];
    }

    private static IReadOnlyList<AnswerProblem> CheckMultichoice(Question question, JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Array || answer.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
        {
            return [new(AnswerFaults.WrongType, $"Answer with a list of the options that apply, as text: {OptionList(question)}.")];
        }

        if (!IsReadable(answer))
        {
            return [new(AnswerFaults.WrongType, UnreadableText)];
        }

        var chosen = answer.EnumerateArray().Select(i => i.GetString()!).ToList();
        var problems = new List<AnswerProblem>();
        var unknown = chosen.Where(c => !IsOption(question, c)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            var which = string.Join(", ", unknown.Select(u => $"\"{u}\""));
            problems.Add(new(AnswerFaults.UnknownOption, $"{which} {(unknown.Count == 1 ? "is not one of the options" : "are not among the options")}: {OptionList(question)}."));
        }

        var repeated = chosen.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\"").ToList();
        if (repeated.Count > 0)
        {
            problems.Add(new(AnswerFaults.WrongType, $"Give each option once: {string.Join(", ", repeated)} is given more than once."));
        }

        return problems;
    }

    private static IReadOnlyList<AnswerProblem> CheckNumber(JsonElement answer, string noun, bool wholeNumber, double? min, double? max)
    {
        var expected = $"Answer with a {noun}{Range(min, max)}.";
        if (answer.ValueKind != JsonValueKind.Number)
        {
            return [new(AnswerFaults.WrongType, expected + " Numbers are written without quotes.")];
        }

        if (!answer.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return [new(AnswerFaults.OutOfRange, $"The number is too large. {expected}")];
        }

        if (wholeNumber && number != Math.Floor(number))
        {
            return [new(AnswerFaults.WrongType, $"{Format(number)} is not a whole number. {expected}")];
        }

        return number < min || number > max
            ? [new(AnswerFaults.OutOfRange, $"{Format(number)} is outside the allowed range. {expected}")]
            : [];
    }

    private static IReadOnlyList<AnswerProblem> CheckText(Question question, JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.String)
        {
            return [new(AnswerFaults.WrongType, "Answer with text (in quotes).")];
        }

        if (!TryGetText(answer, out var text))
        {
            return [new(AnswerFaults.WrongType, UnreadableText)];
        }

        var limit = question.MaxLength ?? DefaultMaxLength;
        var length = text.Length;
        return length > limit
            ? [new(AnswerFaults.TooLong, $"The answer is {length} characters long; at most {limit} are allowed.")]
            : [];
    }

    /// <summary>
    /// The text of a string answer, false when it cannot become valid text. JSON elements keep the raw bytes, so a
    /// body with invalid UTF-8 or a lone surrogate escape parses and fails only here, where it is read.
    /// </summary>
    public static bool TryGetText(JsonElement answer, out string text)
    {
        text = string.Empty;
        try
        {
            var value = answer.GetString() ?? string.Empty;
            if (!IsWellFormed(value))
            {
                return false;
            }

            text = value;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether every string inside the answer, at any depth, is valid text.</summary>
    public static bool IsReadable(JsonElement answer) => answer.ValueKind switch
    {
        JsonValueKind.String => TryGetText(answer, out _),
        JsonValueKind.Array => answer.EnumerateArray().All(IsReadable),
        JsonValueKind.Object => answer.EnumerateObject().All(p => IsReadable(p.Value)),
        _ => true,
    };

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOption(Question question, string chosen) =>
        question.Options?.Contains(chosen, StringComparer.Ordinal) == true;

    private static string OptionList(Question question) =>
        string.Join(", ", (question.Options ?? []).Select(o => $"\"{o}\""));

    private static string Range(double? min, double? max) => (min, max) switch
    {
        ({ } low, { } high) => $" from {Format(low)} to {Format(high)}",
        ({ } low, null) => $" of at least {Format(low)}",
        (null, { } high) => $" of at most {Format(high)}",
        _ => string.Empty,
    };

    public static string Format(double number) => number.ToString("0.##########", CultureInfo.InvariantCulture);
}
