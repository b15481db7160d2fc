using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using VisionEHalsa.Survey.Questionnaires;
using VisionEHalsa.Survey.Rounds;

namespace VisionEHalsa.Survey.Responses.Import;

public static class ImportRowStatus
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}

/// <summary>
/// What became of one row. <c>Errors</c> lists the faults per question code (or <c>organisationId</c>) in words;
/// <c>Codes</c> names their kinds, as a PUT's 422 does, plus <c>forbidden</c>, <c>unknown_organisation</c>,
/// <c>not_in_population</c> and <c>duplicate</c> for the organisation.
/// </summary>
public sealed record ImportRowResult(
    int Row,
    string? OrganisationId,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Version = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, string[]>? Errors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, string[]>? Codes = null);

/// <summary>Skipped counts rows that name an organisation but hold no answer at all: the unfilled rows of a template.</summary>
public sealed record ImportSummary(bool DryRun, int Accepted, int Rejected, int Skipped, List<ImportRowResult> Rows);

/// <summary>
/// Imports a table of responses, one row per organisation, through the same checks and writes as a PUT.
/// Each row stands alone: a rejected row stores nothing and does not hold back the others.
/// </summary>
public sealed class ResponseImport(ResponseIntake intake)
{
    public const string OrganisationField = "organisationId";

    public async Task<ImportSummary> ImportAsync(Round round, Questionnaire questionnaire, ImportTable table, ClaimsPrincipal user, bool dryRun, CancellationToken ct)
    {
        var columns = ImportColumns.Map(table.Header, questionnaire);
        var all = table.Rows.Count > 0 && columns.IsQuestionTextRow(table.Rows[0]) ? table.Rows.Skip(1).ToList() : table.Rows.ToList();
        if (all.Count > ImportLimits.MaxRows)
        {
            throw new ImportTooLongException();
        }

        var rows = all.Where(columns.HasAnswers).ToList();
        if (rows.Count == 0)
        {
            throw new ImportFileException("The file has no rows with answers.");
        }

        var ids = rows.Select(r => columns.OrganisationOf(r).Id).ToList();
        var rowsOf = ids.Select((id, i) => (id, row: rows[i].Number)).Where(x => x.id is not null)
            .GroupBy(x => x.id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.row).ToList(), StringComparer.Ordinal);

        var results = new List<ImportRowResult>(rows.Count);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            results.Add(await ImportRowAsync(round, questionnaire, columns, row, rowsOf, user, dryRun, ct));
        }

        intake.WakeRelay();

        var accepted = results.Count(r => r.Status == ImportRowStatus.Accepted);
        return new ImportSummary(dryRun, accepted, results.Count - accepted, all.Count - rows.Count, results);
    }

    private async Task<ImportRowResult> ImportRowAsync(
        Round round, Questionnaire questionnaire, ImportColumns columns, ImportRow row,
        IReadOnlyDictionary<string, List<int>> rowsOf, ClaimsPrincipal user, bool dryRun, CancellationToken ct)
    {
        var faults = new RowFaults();
        var (id, idFault) = columns.OrganisationOf(row);
        Admission? admission = null;
        if (id is null)
        {
            faults.Add(OrganisationField, AnswerFaults.WrongType, idFault!);
        }
        else if (rowsOf[id] is { Count: > 1 } repeated)
        {
            faults.Add(OrganisationField, "duplicate",
                $"{id} appears in rows {string.Join(", ", repeated)}; give one row per organisation. None of those rows was stored.");
        }
        else
        {
            admission = intake.Admit(round, id, user);
            if (admission is Admission.Refused refused)
            {
                faults.Add(OrganisationField, RefusalCode(refused.StatusCode), refused.Detail);
            }
        }

        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (index, question) in columns.Questions)
        {
            var (answer, problem) = CellConverter.Convert(question, row.Cell(index));
            if (problem is not null)
            {
                faults.Add(question.Code, problem.Fault, problem.Message);
            }
            else if (answer is { } given)
            {
                answers[question.Code] = given;
            }
        }

        if (faults.Any || admission is not Admission.Admitted admitted)
        {
            // The rest of the answers are still checked, so one reply names everything to correct in the row.
            faults.AddUnlessNamed(AnswerValidator.Validate(questionnaire, answers));
            return faults.Reject(row.Number, id);
        }

        switch (await intake.AcceptAsync(round, questionnaire, admitted.Organisation, answers, ResponseStatus.Submitted, null, user, store: !dryRun, ct, wakeRelay: false))
        {
            case Intake.Stored stored:
                return new ImportRowResult(row.Number, id, ImportRowStatus.Accepted, stored.Response.Version);
            case Intake.Acceptable:
                return new ImportRowResult(row.Number, id, ImportRowStatus.Accepted);
            case Intake.Invalid invalid:
                faults.AddUnlessNamed(invalid.Problems);
                return faults.Reject(row.Number, id);
            case Intake.Refused refused:
                faults.Add("round", "round_not_open", refused.Refusal.Detail);
                return faults.Reject(row.Number, id);
            default:
                throw new InvalidOperationException("Unknown intake outcome.");
        }
    }

    private static string RefusalCode(int statusCode) => statusCode switch
    {
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "unknown_organisation",
        _ => "not_in_population",
    };

    private sealed class RowFaults
    {
        private readonly Dictionary<string, List<string>> _messages = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _codes = new(StringComparer.Ordinal);

        public bool Any => _messages.Count > 0;

        public void Add(string field, string code, string message)
        {
            (_messages.TryGetValue(field, out var messages) ? messages : _messages[field] = []).Add(message);
            var codes = _codes.TryGetValue(field, out var list) ? list : _codes[field] = [];
            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        /// <summary>Adds the answer checks' problems for the codes that have none yet: an unreadable cell also reads as unanswered.</summary>
        public void AddUnlessNamed(Dictionary<string, List<AnswerProblem>> problems)
        {
            foreach (var (code, list) in problems.Where(p => !_messages.ContainsKey(p.Key)))
            {
                foreach (var problem in list)
                {
                    Add(code, problem.Fault, problem.Message);
                }
            }
        }

        public ImportRowResult Reject(int row, string? organisationId) => new(
            row, organisationId, ImportRowStatus.Rejected, null,
            _messages.ToDictionary(m => m.Key, m => m.Value.ToArray(), StringComparer.Ordinal),
            _codes.ToDictionary(c => c.Key, c => c.Value.ToArray(), StringComparer.Ordinal));
    }
}

/// <summary>More rows than <see cref="ImportLimits.MaxRows"/>: the whole file is refused with 413.</summary>
public sealed class ImportTooLongException() : Exception($"The file has more than {ImportLimits.MaxRows} rows of answers.");
