using System.Text.Json;
using VisionEHalsa.Survey.Questionnaires;

namespace VisionEHalsa.Survey.Responses;

/// <summary>
/// Checks a response against its round's questionnaire version and names every problem at once, by question code.
/// A draft is checked answer by answer only: what it leaves out may still be answered before it is submitted.
/// </summary>
public static class AnswerValidator
{
    public static Dictionary<string, List<AnswerProblem>> Validate(
        Questionnaire questionnaire, IReadOnlyDictionary<string, JsonElement> answers, ResponseStatus status = ResponseStatus.Submitted)
    {
        var problems = new Dictionary<string, List<AnswerProblem>>(StringComparer.Ordinal);
        void Add(string code, AnswerProblem problem) =>
            (problems.TryGetValue(code, out var list) ? list : problems[code] = []).Add(problem);

        foreach (var (code, answer) in answers)
        {
            if (questionnaire.Find(code) is not { } question)
            {
                Add(code, new(AnswerFaults.UnknownQuestion, UnknownQuestion(questionnaire, code)));
            }
            else if (!QuestionRules.IsReadable(answer))
            {
                Add(code, new(AnswerFaults.WrongType, QuestionRules.UnreadableText));
            }
            else if (answer.ValueKind != JsonValueKind.Null)
            {
                foreach (var problem in QuestionRules.Check(question, answer))
                {
                    Add(code, problem);
                }
            }
        }

        if (status == ResponseStatus.Draft)
        {
            return problems;
        }

        foreach (var question in questionnaire.Questions.Where(q => !IsAnswered(answers, q.Code)))
        {
            if (question.Required)
            {
                Add(question.Code, new(AnswerFaults.Required, "This question must be answered."));
            }
            else if (question.RequiredWhen is { } when &&
                     answers.TryGetValue(when.Question, out var trigger) &&
                     QuestionRules.IsReadable(trigger) &&
                     JsonElement.DeepEquals(trigger, when.Value))
            {
                Add(question.Code, new(AnswerFaults.RequiredBy, $"This question must be answered when {when.Question} is {when.Value.GetRawText()}."));
            }
        }

        return problems;
    }

    /// <summary>Whether every answer can be read as text where it holds text; the canonical hash of an Idempotency-Key needs that.</summary>
    public static bool AllReadable(IReadOnlyDictionary<string, JsonElement> answers) => answers.Values.All(QuestionRules.IsReadable);

    /// <summary>The answers to store: those given, without the nulls that mean "not answered".</summary>
    public static Dictionary<string, JsonElement> Given(IReadOnlyDictionary<string, JsonElement> answers) =>
        answers.Where(a => a.Value.ValueKind != JsonValueKind.Null).ToDictionary(a => a.Key, a => a.Value.Clone(), StringComparer.Ordinal);

    private static bool IsAnswered(IReadOnlyDictionary<string, JsonElement> answers, string code) =>
        answers.TryGetValue(code, out var answer) && answer.ValueKind != JsonValueKind.Null;

    private static string UnknownQuestion(Questionnaire questionnaire, string code)
    {
        var message = $"{code} is not a question in questionnaire {questionnaire.Id} (version {questionnaire.Version}).";
        return questionnaire.Questions.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase)) is { } similar
            ? $"{message} Did you mean {similar.Code}? Codes are case-sensitive."
            : message;
    }
}
