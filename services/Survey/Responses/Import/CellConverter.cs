using System.Globalization;
using System.Text.Json;
using VisionEHalsa.Survey.Questionnaires;

namespace VisionEHalsa.Survey.Responses.Import;

/// <summary>
/// Turns a spreadsheet cell into the JSON answer a PUT would carry, reading it as people write it in Sweden:
/// ja/nej, decimal comma, spaces between thousands, "12,5 %", options separated by ';' or '|'.
/// An empty cell is "not answered". The answer is then checked by the same rules as every other response.
/// </summary>
public static class CellConverter
{
    private static readonly char[] OptionSeparators = [';', '|'];

    public static (JsonElement? Answer, AnswerProblem? Problem) Convert(Question question, object? cell)
    {
        if (ImportRow.IsBlank(cell))
        {
            return (null, null);
        }

        return question.Type switch
        {
            QuestionTypes.Yesno => YesNo(cell),
            QuestionTypes.Multichoice => (Json(RowCollector.Text(cell).Split(OptionSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), null),
            QuestionTypes.Integer or QuestionTypes.Decimal or QuestionTypes.Percent => Number(question, cell),
            _ => (Json(Text(cell)), null),
        };
    }

    private static (JsonElement?, AnswerProblem?) YesNo(object? cell) => cell switch
    {
        bool answer => (Json(answer), null),
        _ => RowCollector.Text(cell).Trim().ToLowerInvariant() switch
        {
            "ja" or "true" => (Json(true), null),
            "nej" or "false" => (Json(false), null),
            var other => (null, new AnswerProblem(AnswerFaults.WrongType, $"\"{other}\" is not a yes or no: write ja, nej, true or false.")),
        },
    };

    private static (JsonElement?, AnswerProblem?) Number(Question question, object? cell)
    {
        switch (cell)
        {
            case double or float or decimal or int or long or short or byte:
                return (JsonNumber(System.Convert.ToDouble(cell, CultureInfo.InvariantCulture)), null);
            case bool:
                return (null, new AnswerProblem(AnswerFaults.WrongType, "The cell holds a yes or no, not a number."));
        }

        var written = RowCollector.Text(cell).Trim();
        var text = new string(written.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (question.Type == QuestionTypes.Percent && text.EndsWith('%'))
        {
            text = text[..^1];
        }

        if (text.Contains(',') && text.Contains('.'))
        {
            return (null, new AnswerProblem(AnswerFaults.WrongType, $"\"{written}\" mixes decimal comma and point: write the number with one decimal comma, e.g. 12,5."));
        }

        text = text.Replace('−', '-').Replace(',', '.');
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var exact))
        {
            return (JsonNumber(exact), null);
        }

        return double.TryParse(text, style, CultureInfo.InvariantCulture, out var large) && double.IsFinite(large)
            ? (JsonNumber(large), null)
            : (null, new AnswerProblem(AnswerFaults.WrongType, $"\"{written}\" is not a number. Write digits with a decimal comma or point, e.g. 12,5."));
    }

    private static string Text(object? cell) => cell switch
    {
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        string text => text.Trim(),
        _ => RowCollector.Text(cell),
    };

    /// <summary>Whole numbers as integers and the rest with the shortest exact form, as a PUT would write them.</summary>
    private static JsonElement JsonNumber(double number) =>
        Math.Abs(number) < 7.9e27 ? JsonNumber((decimal)number) : Json(number);

    // Dividing by one with many zeros drops trailing zeros: "12,50" is stored as 12.5.
    private static JsonElement JsonNumber(decimal number) => Json(number / 1.000000000000000000000000000000000m);

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);
}
