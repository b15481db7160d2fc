namespace VisionEHalsa.Gateway.Clients;

public static class ClientSource
{
    /// <summary>Imported from <c>Auth:ClientsFile</c> at start.</summary>
    public const string File = "file";

    /// <summary>Created by an admin through <c>POST /api/v1/clients</c>.</summary>
    public const string Api = "api";
}

/// <summary>
/// A client as the gateway stores it (collection <c>clients</c>): its role, the organisations a partner is bound to,
/// and the hash of its secret, never the secret. A disabled client stays disabled: no token is issued to it, and
/// the tokens it holds are refused at the gateway and, through the revocation list, at every service.
/// </summary>
public sealed record GatewayClient
{
    public required string Id { get; init; }

    public required string Role { get; init; }

    public IReadOnlyList<string> OrganisationIds { get; init; } = [];

    public required string SecretHash { get; init; }

    public bool Disabled { get; init; }

    public required string Source { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? SecretRotatedAt { get; init; }

    public string? SecretRotatedBy { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }

    public string? DisabledBy { get; init; }

    /// <summary>Raised by every change, so two admins changing one client at once never lose a change.</summary>
    public long Version { get; init; }

    public ClientView ToView() => new(Id, Role, OrganisationIds, Disabled, Source, CreatedAt, CreatedBy, SecretRotatedAt, DisabledAt, DisabledBy);
}

/// <summary>A client as the API shows it: never its secret or the secret's hash.</summary>
public sealed record ClientView(
    string ClientId,
    string Role,
    IReadOnlyList<string> OrganisationIds,
    bool Disabled,
    string Source,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? SecretRotatedAt,
    DateTimeOffset? DisabledAt,
    string? DisabledBy);

/// <summary>A new client or a new secret: the only time the secret is shown. Store it now; the gateway keeps only its hash.</summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret, string Role, IReadOnlyList<string> OrganisationIds);
