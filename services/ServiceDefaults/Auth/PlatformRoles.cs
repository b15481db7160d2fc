using System.Security.Claims;

namespace VisionEHalsa.ServiceDefaults.Auth;

public static class PlatformRoles
{
    public const string Partner = "partner";
    public const string Kansli = "kansli";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly string[] All = [Partner, Kansli, Operator, Admin];

    public static bool IsKnown(string? role) => role is Partner or Kansli or Operator or Admin;
}

public static class PlatformClaims
{
    public const string Role = "role";

    /// <summary>One claim per organisation a partner's client is bound to.</summary>
    public const string Organisation = "org";

    public const string Subject = "sub";
}

/// <summary>Authorization policies every service and the gateway name by these constants.</summary>
public static class PlatformPolicies
{
    /// <summary>Any valid token of a platform role: a partner, the kansli, an operator or an admin.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>The kansli (or an admin): questionnaires, rounds, indicators, strategy, publishing, the audit log.</summary>
    public const string Kansli = "kansli";

    /// <summary>Operators, the kansli and admins: the pipeline and failed messages.</summary>
    public const string Operations = "operations";

    /// <summary>Admins only: the gateway's clients.</summary>
    public const string Admin = "admin";
}

public static class ClaimsPrincipalExtensions
{
    public static string ClientId(this ClaimsPrincipal user) => user.FindFirstValue(PlatformClaims.Subject) ?? "anonymous";

    public static bool IsKansli(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Kansli) || user.IsInRole(PlatformRoles.Admin);

    /// <summary>The organisations a partner's client is bound to (none for the other roles).</summary>
    public static IReadOnlyList<string> Organisations(this ClaimsPrincipal user) =>
        user.FindAll(PlatformClaims.Organisation).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A partner acts only for the organisations its client is bound to; the kansli for any.</summary>
    public static bool MayActFor(this ClaimsPrincipal user, string organisationId) =>
        user.IsKansli() ||
        (user.IsInRole(PlatformRoles.Partner) &&
         user.FindAll(PlatformClaims.Organisation).Any(c => string.Equals(c.Value, organisationId, StringComparison.Ordinal)));
}
