using System.Net;
using System.Text.RegularExpressions;

namespace VisionEHalsa.Security.Tests;

/// <summary>Who a probe calls as: no token, or one of the clients of <see cref="SecuredPlatform.Clients"/>.</summary>
public sealed record Caller(string Name, string? ClientId, string Role, bool ForOwnOrganisation = false)
{
    public static readonly Caller Anonymous = new("no token", null, "none");
    public static readonly Caller PartnerForOther = new("partner for another organisation", "stockholm", "partner");
    public static readonly Caller PartnerForOwn = new("partner for its own organisation", "stockholm", "partner", ForOwnOrganisation: true);
    public static readonly Caller Operator = new("operator", "operator", "operator");
    public static readonly Caller Kansli = new("kansli", "kansli", "kansli");
    public static readonly Caller Admin = new("admin", "admin", "admin");

    public static readonly Caller[] All = [Anonymous, PartnerForOther, PartnerForOwn, Operator, Kansli, Admin];

    public string Organisation => ForOwnOrganisation ? SecuredPlatform.OwnOrganisation : SecuredPlatform.OtherOrganisation;
}

public enum Outcome
{
    Unauthenticated,
    Forbidden,
    Allowed,
}

/// <summary>Builds a request to an endpoint with harmless values, and says what a caller must get.</summary>
public static partial class Probe
{
    public static Outcome Expected(Access access, Caller caller) => (access, caller.Role) switch
    {
        (Access.Public, _) => Outcome.Allowed,
        (_, "none") => Outcome.Unauthenticated,
        (Access.Authenticated, _) => Outcome.Allowed,
        (_, "admin") => Outcome.Allowed,
        (Access.Admin, _) => Outcome.Forbidden,
        (_, "kansli") => Outcome.Allowed,
        (Access.Operations, "operator") => Outcome.Allowed,
        (Access.OwnOrganisation, "partner") when caller.ForOwnOrganisation => Outcome.Allowed,
        _ => Outcome.Forbidden,
    };

    public static Outcome Actual(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        _ => Outcome.Allowed,
    };

    /// <summary>
    /// The path with values that name nothing real where a call could change something (a missing round, period or
    /// client), so an allowed probe ends in 404 or 422 and never closes a round or disables a client.
    /// </summary>
    public static string PathFor(Classified endpoint, string roundId, string organisation)
    {
        var path = Parameter().Replace(endpoint.Endpoint.Path, match => match.Groups[1].Value switch
        {
            "roundId" => endpoint.Endpoint.Method == "GET" ? roundId : "probe-missing",
            "organisationId" => organisation,
            "version" => "1",
            "code" => "DIGPLAN",
            "indicator" => "DIGPLAN",
            "year" => "2025",
            "edition" => "999999",
            _ => "probe-missing",
        });
        return endpoint.OrganisationQuery is { } query ? path + "?" + query.Replace("{organisationId}", organisation, StringComparison.Ordinal) : path;
    }

    public static HttpRequestMessage Request(Classified endpoint, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Endpoint.Method), path);
        if (endpoint.Endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // The import takes files only: routing answers any other content type with 415 before authorization is asked.
            request.Content = endpoint.Endpoint.Path.EndsWith("/responses/import", StringComparison.Ordinal)
                ? new StringContent(string.Empty, System.Text.Encoding.UTF8, "text/csv")
                : SecuredPlatform.Json("{}");
        }

        return request;
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[a-z]+)?\}")]
    private static partial Regex Parameter();
}
