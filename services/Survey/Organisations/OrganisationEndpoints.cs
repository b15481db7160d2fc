using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Survey.Organisations;

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");
        organisations.MapGet("/", List)
            .WithName("ListOrganisations")
            .WithSummary("Kommuner and regions, optionally of one type (kommun, region) and one län (lanskod, e.g. 01).")
            .RequireAuthorization(PlatformPolicies.Authenticated);
        organisations.MapGet("/{id}", Get)
            .WithName("GetOrganisation")
            .RequireAuthorization(PlatformPolicies.Authenticated);
        return api;
    }

    public static Ok<List<Organisation>> List(string? type, string? lan, OrganisationRegistry registry) =>
        TypedResults.Ok(registry.All
            .Where(o => type is null || o.Type == type)
            .Where(o => lan is null || o.Lanskod == lan)
            .ToList());

    public static Results<Ok<Organisation>, ProblemHttpResult> Get(string id, OrganisationRegistry registry) =>
        registry.Find(id) is { } organisation
            ? TypedResults.Ok(organisation)
            : SurveyProblems.NotFound($"There is no organisation '{id}'. Ids look like kommun:0180 or region:01.");
}
