using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Rounds;

namespace VisionEHalsa.Survey.Responses.Import;

public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder api)
    {
        var import = api.MapGroup("/rounds/{roundId}/responses").WithTags("Responses");
        import.MapPost("/import", Import)
            .WithName("ImportResponses")
            .WithSummary("Imports responses from CSV or XLSX: one row per organisation, one column per question code.")
            .WithDescription("The body is the file (text/csv or XLSX) or a multipart form holding it. Columns: organisationId " +
                "(or kommunkod) and the question codes; a second row of question texts, as in the template, is skipped. CSV may be " +
                "comma- or semicolon-separated UTF-8, with or without BOM; numbers may use a decimal comma; yes/no as ja/nej/true/false; " +
                "multichoice options separated by ';' or '|'. Each row is checked and stored like a PUT; rejected rows store nothing " +
                "and are listed with their errors. A partner may import only its own organisation's row. ?dryRun=true checks " +
                $"without storing. At most {ImportLimits.MaxRows} rows and {ImportLimits.MaxBytes / (1024 * 1024)} MB.")
            .Accepts<byte[]>(ImportUpload.CsvContentType, ImportUpload.XlsxContentType, "multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(ImportLimits.MaxBytes))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        import.MapGet("/template.csv", TemplateCsv)
            .WithName("DownloadResponseTemplateCsv")
            .WithSummary("A CSV to fill in and import: the question codes, their texts, and a row per organisation the client may answer for.")
            .Produces(StatusCodes.Status200OK, contentType: ImportUpload.CsvContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        import.MapGet("/template.xlsx", TemplateXlsx)
            .WithName("DownloadResponseTemplateXlsx")
            .WithSummary("The same template as an XLSX workbook.")
            .Produces(StatusCodes.Status200OK, contentType: ImportUpload.XlsxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(PlatformPolicies.Authenticated);
        return api;
    }

    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Import(
        string roundId, bool? dryRun, HttpRequest request, ClaimsPrincipal user,
        RoundStore rounds, ResponseIntake intake, ResponseImport import, CancellationToken ct)
    {
        if (await rounds.GetAsync(roundId, ct) is not { } round)
        {
            return SurveyProblems.NotFound($"There is no round '{roundId}'.");
        }

        if (round.Status != RoundStatus.Open)
        {
            return SurveyProblems.Conflict(ResponseIntake.NotOpen(round));
        }

        switch (await ImportUpload.ReadAsync(request, ct))
        {
            case ImportUploadResult.TooLarge:
                return TooLarge($"The file is larger than {ImportLimits.MaxBytes / (1024 * 1024)} MB; split it into several imports.");
            case ImportUploadResult.UnsupportedType unsupported:
                return TypedResults.Problem($"{unsupported.MediaType} is not a file this import reads: send text/csv or XLSX ({ImportUpload.XlsxContentType}).",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
            case ImportUploadResult.Unreadable unreadable:
                return SurveyProblems.Unprocessable(unreadable.Detail);
            case ImportUploadResult.Read read:
                try
                {
                    var table = read.Upload.ReadTable();
                    var questionnaire = await intake.PinnedQuestionnaireAsync(round, ct);
                    return TypedResults.Ok(await import.ImportAsync(round, questionnaire, table, user, dryRun == true, ct));
                }
                catch (ImportFileException e)
                {
                    return SurveyProblems.Validation(new Dictionary<string, string[]> { ["file"] = [.. e.Faults] }, e.Message);
                }
                catch (ImportTooLongException e)
                {
                    return TooLarge($"{e.Message} Import at most {ImportLimits.MaxRows} rows at a time; nothing was stored.");
                }

            default:
                throw new InvalidOperationException("Unknown upload outcome.");
        }
    }

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateCsv(
        string roundId, ClaimsPrincipal user, RoundStore rounds, ResponseIntake intake, OrganisationRegistry organisations, CancellationToken ct) =>
        TemplateAsync(roundId, user, rounds, intake, organisations, "csv", ct);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateXlsx(
        string roundId, ClaimsPrincipal user, RoundStore rounds, ResponseIntake intake, OrganisationRegistry organisations, CancellationToken ct) =>
        TemplateAsync(roundId, user, rounds, intake, organisations, "xlsx", ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateAsync(
        string roundId, ClaimsPrincipal user, RoundStore rounds, ResponseIntake intake, OrganisationRegistry organisations, string format, CancellationToken ct)
    {
        if (await rounds.GetAsync(roundId, ct) is not { } round)
        {
            return SurveyProblems.NotFound($"There is no round '{roundId}'.");
        }

        var questionnaire = await intake.PinnedQuestionnaireAsync(round, ct);
        var population = organisations.OfType(round.Population).Where(o => user.MayActFor(o.Id)).ToList();
        return format == "xlsx"
            ? TypedResults.File(ImportTemplate.Xlsx(questionnaire, population), ImportUpload.XlsxContentType, $"{round.Id}-mall.xlsx")
            : TypedResults.File(ImportTemplate.Csv(questionnaire, population), ImportUpload.CsvContentType + "; charset=utf-8", $"{round.Id}-mall.csv");
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");
}
