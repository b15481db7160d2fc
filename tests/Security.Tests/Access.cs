namespace VisionEHalsa.Security.Tests;

/// <summary>Who may call an endpoint. Each is enforced by the service (or gateway) that serves it, whatever the route in front.</summary>
public enum Access
{
    /// <summary>Anyone, without a token.</summary>
    Public,

    /// <summary>Any client of a platform role.</summary>
    Authenticated,

    /// <summary>A partner for the organisations its client is bound to; the kansli and admins for any; nobody else.</summary>
    OwnOrganisation,

    /// <summary>The kansli and admins.</summary>
    Kansli,

    /// <summary>Operators, the kansli and admins.</summary>
    Operations,

    /// <summary>Admins only.</summary>
    Admin,
}

/// <summary>One endpoint of one process as its OpenAPI document names it, e.g. <c>survey GET /api/v1/rounds/{id}</c>.</summary>
public sealed record Endpoint(string Process, string Method, string Path)
{
    public override string ToString() => $"{Process} {Method} {Path}";
}

/// <summary>
/// An endpoint's access, and where it takes an organisation that is not in its path (the query of a series, say),
/// the query that names it: <c>{organisationId}</c> there is the organisation the caller asks for.
/// </summary>
public sealed record Classified(Endpoint Endpoint, Access Access, string? OrganisationQuery = null);
