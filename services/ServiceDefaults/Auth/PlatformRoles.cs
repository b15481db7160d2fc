using System.Security.Claims;

namespace VisionEHalsa.ServiceDefaults.Auth;

public static class PlatformRoles
{
    public const string Partner = "partner";
    public const string Kansli = "kansli";
    public const string Operator = "operator";
    public const string Admin = "admin";
}

public static class PlatformClaims
{
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Subject = "sub";
}

/// <summary>Authorization policies every service and the gateway name by these constants.</summary>
public static class PlatformPolicies
{
    /// <summary>Any valid token: a partner, the kansli, an operator or an admin.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>The kansli (or an admin): questionnaires, rounds, indicators, strategy, publishing.</summary>
    public const string Kansli = "kansli";

    /// <summary>Operators and the kansli: the pipeline and failed messages.</summary>
    public const string Operations = "operations";
}

public static class ClaimsPrincipalExtensions
{
    public static string ClientId(this ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.Subject) ?? "anonymous";

    public static bool IsKansli(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Kansli) || user.IsInRole(PlatformRoles.Admin);

    /// <summary>A partner acts only for the organisations its client is bound to; the kansli for any.</summary>
    public static bool MayActFor(this ClaimsPrincipal user, string organisationId) =>
        user.IsKansli() ||
        (user.IsInRole(PlatformRoles.Partner) &&
         user.FindAll(PlatformClaims.Organisation).Any(c => string.Equals(c.Value, organisationId, StringComparison.Ordinal)));
}
