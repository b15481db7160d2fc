namespace VisionEHalsa.Security.Tests;

/// <summary>
/// Every endpoint of every process and every gateway route, with who may call it. An endpoint or route missing here
/// fails <see cref="InventoryTests"/>: a new endpoint is classified before it ships, and the access tests then hold it to it.
/// </summary>
public static class EndpointTable
{
    private static readonly (string Process, string Method, string Path, Access Access, string? Query)[] Rows =
    [
        // survey
        ("survey", "GET", "/api/v1/organisations", Access.Authenticated, null),
        ("survey", "GET", "/api/v1/organisations/{id}", Access.Authenticated, null),
        ("survey", "GET", "/api/v1/questionnaires", Access.Authenticated, null),
        ("survey", "POST", "/api/v1/questionnaires", Access.Kansli, null),
        ("survey", "GET", "/api/v1/questionnaires/{id}", Access.Authenticated, null),
        ("survey", "GET", "/api/v1/questionnaires/{id}/versions/{version}", Access.Authenticated, null),
        ("survey", "POST", "/api/v1/rounds", Access.Kansli, null),
        ("survey", "GET", "/api/v1/rounds/{id}", Access.Authenticated, null),
        ("survey", "GET", "/api/v1/rounds/{id}/missing", Access.Kansli, null),
        ("survey", "POST", "/api/v1/rounds/{id}/open", Access.Kansli, null),
        ("survey", "POST", "/api/v1/rounds/{id}/close", Access.Kansli, null),
        ("survey", "PUT", "/api/v1/rounds/{roundId}/responses/{organisationId}", Access.OwnOrganisation, null),
        ("survey", "GET", "/api/v1/rounds/{roundId}/responses/{organisationId}", Access.OwnOrganisation, null),
        ("survey", "GET", "/api/v1/rounds/{roundId}/responses/{organisationId}/versions", Access.OwnOrganisation, null),
        ("survey", "GET", "/api/v1/rounds/{roundId}/responses/{organisationId}/versions/{version}", Access.OwnOrganisation, null),
        // Rows of other organisations are refused one by one (code "forbidden"); see Partners_import_only_their_own_rows.
        ("survey", "POST", "/api/v1/rounds/{roundId}/responses/import", Access.Authenticated, null),
        // The template lists only the organisations the client may answer for.
        ("survey", "GET", "/api/v1/rounds/{roundId}/responses/template.csv", Access.Authenticated, null),
        ("survey", "GET", "/api/v1/rounds/{roundId}/responses/template.xlsx", Access.Authenticated, null),

        // indicator
        ("indicator", "GET", "/api/v1/indicators", Access.Authenticated, null),
        ("indicator", "POST", "/api/v1/indicators", Access.Kansli, null),
        ("indicator", "GET", "/api/v1/indicators/{code}", Access.Authenticated, null),
        // Organisation-level values only of the client's own organisations; see Partners_see_organisation_values_only_of_their_own.
        ("indicator", "GET", "/api/v1/indicators/values", Access.Authenticated, null),
        ("indicator", "GET", "/api/v1/indicators/{code}/series", Access.OwnOrganisation, "level=organisation&area={organisationId}"),

        // strategy
        ("strategy", "GET", "/api/v1/strategy", Access.Authenticated, null),
        ("strategy", "GET", "/api/v1/strategy/versions/{version}", Access.Authenticated, null),
        ("strategy", "GET", "/api/v1/strategy/history", Access.Authenticated, null),
        ("strategy", "GET", "/api/v1/strategy/targets/status", Access.Authenticated, null),
        ("strategy", "PUT", "/api/v1/strategy/periods/{id}", Access.Kansli, null),
        ("strategy", "PUT", "/api/v1/strategy/periods/{id}/goals/{code}", Access.Kansli, null),
        ("strategy", "DELETE", "/api/v1/strategy/periods/{id}/goals/{code}", Access.Kansli, null),
        ("strategy", "PUT", "/api/v1/strategy/periods/{id}/initiatives/{code}", Access.Kansli, null),
        ("strategy", "DELETE", "/api/v1/strategy/periods/{id}/initiatives/{code}", Access.Kansli, null),
        ("strategy", "PUT", "/api/v1/strategy/periods/{id}/targets/{indicator}", Access.Kansli, null),
        ("strategy", "DELETE", "/api/v1/strategy/periods/{id}/targets/{indicator}", Access.Kansli, null),

        // reporting
        ("reporting", "GET", "/api/v1/reports", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/latest", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/editions/{edition}", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/latest.pdf", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/latest.xlsx", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/latest.html", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/latest.csv", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/editions/{edition}.pdf", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/editions/{edition}.xlsx", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/editions/{edition}.html", Access.Public, null),
        ("reporting", "GET", "/api/v1/reports/{year}/editions/{edition}.csv", Access.Public, null),
        ("reporting", "POST", "/api/v1/reports/{year}/editions/{edition}/publish", Access.Kansli, null),
        ("reporting", "GET", "/api/v1/pipeline/rounds/{roundId}", Access.Operations, null),
        ("reporting", "GET", "/api/v1/pipeline/responses/{roundId}/{organisationId}", Access.Operations, null),

        // every service: failed messages and the audit log (ServiceDefaults)
        .. PlatformWide("survey"),
        .. PlatformWide("indicator"),
        .. PlatformWide("strategy"),
        .. PlatformWide("reporting"),

        // the gateway's own endpoints
        ("gateway", "POST", "/connect/token", Access.Public, null),
        ("gateway", "GET", "/internal/revoked-clients", Access.Public, null),
        ("gateway", "GET", "/api/v1/clients", Access.Admin, null),
        ("gateway", "POST", "/api/v1/clients", Access.Admin, null),
        ("gateway", "GET", "/api/v1/clients/{id}", Access.Admin, null),
        ("gateway", "POST", "/api/v1/clients/{id}/rotate-secret", Access.Admin, null),
        ("gateway", "POST", "/api/v1/clients/{id}/disable", Access.Admin, null),
        ("gateway", "GET", "/api/v1/audit", Access.Kansli, null),
        ("gateway", "GET", "/api/v1/ops/failures", Access.Operations, null),
    ];

    /// <summary>The gateway's routes (appsettings.json) and who each lets through: the service behind it decides the rest.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Routes = new Dictionary<string, Access>
    {
        ["organisations"] = Access.Authenticated,
        ["questionnaires"] = Access.Authenticated,
        ["rounds"] = Access.Authenticated,
        ["responses-import"] = Access.Authenticated,
        ["indicators"] = Access.Authenticated,
        ["strategy"] = Access.Authenticated,
        // Published editions are public; the reporting service decides which editions a caller sees.
        ["reports-read"] = Access.Public,
        ["reports"] = Access.Authenticated,
        ["pipeline"] = Access.Operations,
        ["ops-survey"] = Access.Operations,
        ["ops-indicator"] = Access.Operations,
        ["ops-strategy"] = Access.Operations,
        ["ops-reporting"] = Access.Operations,
        ["openapi-survey"] = Access.Public,
        ["openapi-indicator"] = Access.Public,
        ["openapi-strategy"] = Access.Public,
        ["openapi-reporting"] = Access.Public,
    };

    public static IReadOnlyList<Classified> All { get; } =
        [.. Rows.Select(r => new Classified(new Endpoint(r.Process, r.Method, r.Path), r.Access, r.Query))];

    public static Classified? Find(Endpoint endpoint) => All.FirstOrDefault(c => c.Endpoint == endpoint);

    private static (string, string, string, Access, string?)[] PlatformWide(string service) =>
    [
        (service, "GET", "/api/v1/ops/failures", Access.Operations, null),
        (service, "GET", "/api/v1/ops/failures/{id}", Access.Operations, null),
        (service, "POST", "/api/v1/ops/failures/{id}/replay", Access.Operations, null),
        (service, "GET", "/api/v1/audit", Access.Kansli, null),
    ];
}
