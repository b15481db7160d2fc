using System.Text.Json;
using System.Text.RegularExpressions;
using VisionEHalsa.Survey.Organisations;

namespace VisionEHalsa.Survey.Questionnaires;

/// <summary>Checks a questionnaire definition and names every fault, keyed by the field that holds it.</summary>
public static partial class QuestionnaireRules
{
    public const string CodePattern = "^[A-Z][A-Z0-9_]{0,39}$";
    public const int MaxQuestions = 500;
    public const int MaxSections = 100;
    public const int MaxHelpLength = 2000;

    public static Dictionary<string, string[]> Validate(DefineQuestionnaire definition)
    {
        var faults = new Dictionary<string, List<string>>();
        void Fault(string field, string message) =>
            (faults.TryGetValue(field, out var list) ? list : faults[field] = []).Add(message);

        if (!ResourceIds.IsValid(definition.Id))
        {
            Fault("id", $"'{definition.Id}' is not a valid questionnaire id. {ResourceIds.Rule}");
        }

        if (string.IsNullOrWhiteSpace(definition.Title) || definition.Title.Length > 200)
        {
            Fault("title", "Give a title of 1 to 200 characters.");
        }

        if (definition.Population is not (OrganisationTypes.Kommun or OrganisationTypes.Region))
        {
            Fault("population", $"The population must be \"{OrganisationTypes.Kommun}\" or \"{OrganisationTypes.Region}\".");
        }

        var questions = definition.Questions ?? [];
        if (questions.Count is 0 or > MaxQuestions)
        {
            Fault("questions", $"Give 1 to {MaxQuestions} questions.");
        }

        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            if (questions[i] is { Code: not null } question && !firstIndexOf.TryAdd(question.Code, i))
            {
                Fault($"questions[{i}].code", $"{question.Code} is already the code of questions[{firstIndexOf[question.Code]}]; codes must be unique.");
            }
        }

        var sectionIds = CheckSections(definition.Sections, Fault);
        for (var i = 0; i < questions.Count; i++)
        {
            CheckQuestion(questions, i, (field, message) => Fault($"questions[{i}]{field}", message));
            if (questions[i] is { } question)
            {
                CheckSectionAndHelp(question, sectionIds, (field, message) => Fault($"questions[{i}]{field}", message));
            }
        }

        return faults.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    private static void CheckQuestion(IReadOnlyList<Question> questions, int index, Action<string, string> fault)
    {
        if (questions[index] is not { } q)
        {
            fault(string.Empty, "A question cannot be null.");
            return;
        }

        if (q.Code is null || !CodeRegex().IsMatch(q.Code))
        {
            fault(".code", $"'{q.Code}' is not a valid code: use 1 to 40 capital letters A-Z, digits or '_', starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > 2000)
        {
            fault(".text", "Give the question's text, 1 to 2000 characters.");
        }

        if (!QuestionTypes.All.Contains(q.Type))
        {
            fault(".type", $"'{q.Type}' is not a question type. Use one of: {string.Join(", ", QuestionTypes.All)}.");
            return;
        }

        if (QuestionTypes.HasOptions(q.Type) &&
            (q.Options is not { Count: > 0 } options || options.Any(string.IsNullOrWhiteSpace) || options.Distinct(StringComparer.Ordinal).Count() != options.Count))
        {
            fault(".options", $"A {q.Type} question needs a list of distinct, non-empty options.");
        }

        if (q.Min > q.Max)
        {
            fault(".min", $"min ({QuestionRules.Format(q.Min.Value)}) is greater than max ({QuestionRules.Format(q.Max!.Value)}).");
        }

        if (q.Type == QuestionTypes.Percent && (q.Min is < 0 or > 100 || q.Max is < 0 or > 100))
        {
            fault(".min", "A percentage's min and max must lie from 0 to 100.");
        }

        if ((q.Min is not null || q.Max is not null) && !QuestionTypes.IsNumeric(q.Type))
        {
            fault(".min", $"min and max apply only to {QuestionTypes.Integer}, {QuestionTypes.Decimal} and {QuestionTypes.Percent} questions.");
        }

        if (q.MaxLength is not null && (q.Type != QuestionTypes.Text || q.MaxLength < 1))
        {
            fault(".maxLength", "maxLength applies only to text questions and must be at least 1.");
        }

        if (q.RequiredWhen is { } when)
        {
            CheckRequiredWhen(questions, q, when, fault);
        }
    }

    /// <summary>The ids of the sections, after naming the faults of each.</summary>
    private static HashSet<string> CheckSections(IReadOnlyList<Section>? sections, Action<string, string> fault)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (sections is null)
        {
            return ids;
        }

        if (sections.Count > MaxSections)
        {
            fault("sections", $"Give at most {MaxSections} sections.");
        }

        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i] is not { } section)
            {
                fault($"sections[{i}]", "A section cannot be null.");
                continue;
            }

            if (!ResourceIds.IsValid(section.Id))
            {
                fault($"sections[{i}].id", $"'{section.Id}' is not a valid section id. {ResourceIds.Rule}");
            }
            else if (!ids.Add(section.Id))
            {
                fault($"sections[{i}].id", $"{section.Id} is already the id of another section; ids must be unique.");
            }

            if (string.IsNullOrWhiteSpace(section.Title) || section.Title.Length > 200)
            {
                fault($"sections[{i}].title", "Give the section's title, 1 to 200 characters.");
            }
        }

        return ids;
    }

    private static void CheckSectionAndHelp(Question q, HashSet<string> sectionIds, Action<string, string> fault)
    {
        if (q.Section is not null && !sectionIds.Contains(q.Section))
        {
            fault(".section", $"'{q.Section}' is not the id of one of the questionnaire's sections.");
        }

        if (q.Help is not null && (string.IsNullOrWhiteSpace(q.Help) || q.Help.Length > MaxHelpLength))
        {
            fault(".help", $"Give help text of 1 to {MaxHelpLength} characters, or leave it out.");
        }
    }

    private static void CheckRequiredWhen(IReadOnlyList<Question> questions, Question q, RequiredWhen when, Action<string, string> fault)
    {
        var other = questions.FirstOrDefault(o => o is not null && o.Code == when.Question);
        if (other is null || when.Question == q.Code)
        {
            fault(".requiredWhen.question", $"requiredWhen refers to '{when.Question}', which is not another question in this questionnaire.");
            return;
        }

        if (when.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            fault(".requiredWhen.equals", $"Give the answer to {other.Code} that makes {q.Code} required.");
            return;
        }

        if (QuestionTypes.All.Contains(other.Type) && QuestionRules.Check(other, when.Value) is [var problem, ..])
        {
            fault(".requiredWhen.equals", $"{when.Value.GetRawText()} can never be an answer to {other.Code}: {problem.Message}");
        }
    }

    [GeneratedRegex(CodePattern)]
    private static partial Regex CodeRegex();
}
