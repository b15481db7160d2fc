using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Reporting.Editions;

public static class EditionEndpoints
{
    public static RouteGroupBuilder MapEditions(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync)
            .WithName("ListReportEditions")
            .WithSummary("Every edition of every year's report, newest first; ?year= narrows it to one year. Published editions are " +
                         "public documents, open to anyone; drafts are listed for the kansli only.")
            .AllowAnonymous();

        group.MapGet("/{year:int}/latest", LatestAsync)
            .WithName("GetLatestReportEdition")
            .WithSummary("The newest edition of a year's report, with the values that moved since the edition before it: " +
                         "the newest published one for everyone, the newest draft too for the kansli.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        group.MapGet("/{year:int}/editions/{edition:int}", EditionAsync)
            .WithName("GetReportEdition")
            .WithSummary("One edition of a year's report, with the values that moved since the edition before it (a draft for the kansli only).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        foreach (var format in ReportFormat.All)
        {
            group.MapGet($"/{{year:int}}/latest.{format.Extension}",
                    (int year, ClaimsPrincipal user, ReportEditions editions, EditionFiles files, CancellationToken ct) => LatestFileAsync(year, format, user, editions, files, ct))
                .WithName($"GetLatestReport{format.Extension.ToUpperInvariant()}")
                .WithSummary($"The {format.Extension.ToUpperInvariant()} of the newest edition of a year's report.")
                .DescribeFile(format);

            group.MapGet($"/{{year:int}}/editions/{{edition:int}}.{format.Extension}",
                    (int year, int edition, ClaimsPrincipal user, ReportEditions editions, EditionFiles files, CancellationToken ct) => FileAsync(year, edition, format, user, editions, files, ct))
                .WithName($"GetReportEdition{format.Extension.ToUpperInvariant()}")
                .WithSummary($"The {format.Extension.ToUpperInvariant()} of one edition of a year's report.")
                .DescribeFile(format);
        }

        group.MapPost("/{year:int}/editions/{edition:int}/publish", PublishAsync)
            .WithName("PublishReportEdition")
            .WithSummary("Publishes an edition. Publishing is final and publishing again changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .RequireAuthorization(PlatformPolicies.Kansli);
        return group;
    }

    public static async Task<Ok<List<EditionView>>> ListAsync(int? year, ClaimsPrincipal user, ReportEditions editions, CancellationToken ct) =>
        TypedResults.Ok((await editions.ListAsync(year, ct)).Where(e => MaySee(user, e)).Select(EditionView.From).ToList());

    public static async Task<Results<Ok<EditionDetails>, ProblemHttpResult>> LatestAsync(int year, ClaimsPrincipal user, ReportEditions editions, CancellationToken ct) =>
        await LatestVisibleAsync(year, user, editions, ct) is { } latest ? TypedResults.Ok(await DetailsAsync(latest, editions, ct)) : NoReport(year);

    public static async Task<Results<Ok<EditionDetails>, ProblemHttpResult>> EditionAsync(
        int year, int edition, ClaimsPrincipal user, ReportEditions editions, CancellationToken ct) =>
        await editions.GetAsync(year, edition, ct) is { } found && MaySee(user, found) ? TypedResults.Ok(await DetailsAsync(found, editions, ct)) : NoEdition(year, edition);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LatestFileAsync(
        int year, ReportFormat format, ClaimsPrincipal user, ReportEditions editions, EditionFiles files, CancellationToken ct) =>
        await LatestVisibleAsync(year, user, editions, ct) is { } latest ? await FileOfAsync(latest, format, files, ct) : NoReport(year);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(
        int year, int edition, ReportFormat format, ClaimsPrincipal user, ReportEditions editions, EditionFiles files, CancellationToken ct) =>
        await editions.GetAsync(year, edition, ct) is { } found && MaySee(user, found) ? await FileOfAsync(found, format, files, ct) : NoEdition(year, edition);

    /// <summary>Published editions are public documents; drafts are the kansli's until it publishes them.</summary>
    private static bool MaySee(ClaimsPrincipal user, ReportEdition edition) =>
        edition.Status == EditionStatus.Published || user.IsKansli();

    private static async Task<ReportEdition?> LatestVisibleAsync(int year, ClaimsPrincipal user, ReportEditions editions, CancellationToken ct) =>
        user.IsKansli()
            ? await editions.LatestAsync(year, ct)
            : (await editions.ListAsync(year, ct)).Where(e => e.Status == EditionStatus.Published).MaxBy(e => e.Edition);

    public static async Task<Results<Ok<EditionView>, ProblemHttpResult>> PublishAsync(
        int year, int edition, ClaimsPrincipal user, ReportEditions editions, TimeProvider time, CancellationToken ct)
    {
        var published = await editions.PublishAsync(ReportEdition.IdFor(year, edition), time.GetUtcNow(), user.ClientId(), ct);
        return published is null ? NoEdition(year, edition) : TypedResults.Ok(EditionView.From(published));
    }

    private static async Task<EditionDetails> DetailsAsync(ReportEdition edition, ReportEditions editions, CancellationToken ct) =>
        EditionDetails.From(edition, await editions.ChangesOfAsync(edition, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileOfAsync(
        ReportEdition edition, ReportFormat format, EditionFiles files, CancellationToken ct)
    {
        var file = await files.GetAsync(edition, format, ct);
        return file is null
            ? TypedResults.Problem($"Edition {edition.Edition} of the report for {edition.Year} has no {format.Extension} file.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.File(file.Content, format.ContentType, format.FileName(edition.Year, edition.Edition));
    }

    private static ProblemHttpResult NoReport(int year) =>
        TypedResults.Problem($"No report for {year} has been generated yet.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NoEdition(int year, int edition) =>
        TypedResults.Problem($"The report for {year} has no edition {edition}.", statusCode: StatusCodes.Status404NotFound);

    private static RouteHandlerBuilder DescribeFile(this RouteHandlerBuilder endpoint, ReportFormat format) => endpoint
        .Produces(StatusCodes.Status200OK, typeof(byte[]), format.ContentType)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .AllowAnonymous();
}
