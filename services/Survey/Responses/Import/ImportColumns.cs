using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Questionnaires;

namespace VisionEHalsa.Survey.Responses.Import;

/// <summary>
/// Which column holds what: the organisation (<c>organisationId</c>, or <c>kommunkod</c> for kommuner) and one
/// column per question code. Names are matched without regard to case; <c>name</c> is for people and is ignored.
/// </summary>
public sealed record ImportColumns(int? OrganisationId, int? Kommunkod, IReadOnlyList<(int Index, Question Question)> Questions)
{
    public const string OrganisationIdColumn = "organisationId";
    public const string KommunkodColumn = "kommunkod";
    public const string NameColumn = "name";

    public static ImportColumns Map(IReadOnlyList<string> header, Questionnaire questionnaire)
    {
        var faults = new List<string>();
        int? organisationId = null, kommunkod = null;
        var questions = new List<(int, Question)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (name.Length == 0 || Is(name, NameColumn))
            {
                continue;
            }

            if (!seen.TryAdd(name, i))
            {
                faults.Add($"The column {name} appears twice (columns {ColumnLetter(seen[name])} and {ColumnLetter(i)}).");
            }
            else if (Is(name, OrganisationIdColumn))
            {
                organisationId = i;
            }
            else if (Is(name, KommunkodColumn))
            {
                kommunkod = i;
            }
            else if (questionnaire.Questions.FirstOrDefault(q => Is(q.Code, name)) is { } question)
            {
                questions.Add((i, question));
            }
            else
            {
                faults.Add($"The column {name} ({ColumnLetter(i)}) is not a question of questionnaire {questionnaire.Id} version {questionnaire.Version}.");
            }
        }

        if (organisationId is null && kommunkod is null)
        {
            faults.Add($"Name the organisation in a column {OrganisationIdColumn} (e.g. kommun:0180) or {KommunkodColumn} (e.g. 0180).");
        }

        return faults.Count == 0
            ? new ImportColumns(organisationId, kommunkod, questions)
            : throw new ImportFileException("The header row does not fit the round's questionnaire; nothing was stored.", faults);
    }

    /// <summary>The organisation a row is for, or why it names none.</summary>
    public (string? Id, string? Fault) OrganisationOf(ImportRow row)
    {
        if (OrganisationId is { } column && RowCollector.Text(row.Cell(column)).Trim() is { Length: > 0 } id)
        {
            return (id, null);
        }

        if (Kommunkod is { } kod && RowCollector.Text(row.Cell(kod)).Trim() is { Length: > 0 } code)
        {
            // Spreadsheets drop the leading zero of 0180, so shorter codes are padded back.
            return code.Length <= 4 && code.All(char.IsAsciiDigit)
                ? (OrganisationRegistry.KommunId(code.PadLeft(4, '0')), null)
                : (null, $"\"{code}\" is not a kommunkod: give the four digits, e.g. 0180.");
        }

        return (null, $"The row names no organisation: fill in {OrganisationIdColumn} or {KommunkodColumn}.");
    }

    public bool HasAnswers(ImportRow row) => Questions.Any(c => !ImportRow.IsBlank(row.Cell(c.Index)));

    /// <summary>The row of question texts a template has under its header, when the file still has it.</summary>
    public bool IsQuestionTextRow(ImportRow row)
    {
        if (OrganisationOf(row).Id is not null)
        {
            return false;
        }

        var filled = Questions.Where(c => !ImportRow.IsBlank(row.Cell(c.Index))).ToList();
        return filled.Count > 0 && filled.All(c => RowCollector.Text(row.Cell(c.Index)).Trim() == c.Question.Text.Trim());
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string ColumnLetter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetter(index / 26 - 1) + (char)('A' + index % 26);
}
