namespace VisionEHalsa.ServiceDefaults.Auth;

/// <summary>Settings bound from the <c>Auth</c> section, the same in every process.</summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "vision-ehalsa";

    public string Audience { get; set; } = "vision-ehalsa-api";

    /// <summary>PEM file with the public key tokens are verified with.</summary>
    public string? PublicKeyPath { get; set; }

    /// <summary>
    /// PEM files with the public keys of earlier signing keys: after a rotation, tokens signed with the old key
    /// stay valid until they expire. Drop a key from the list once its last token has expired (15 minutes).
    /// </summary>
    public string[] PreviousPublicKeyPaths { get; set; } = [];

    /// <summary>PEM file with the private key the gateway signs tokens with (gateway only).</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>
    /// An external OpenID Connect issuer (e.g. <c>https://login.example.se/realms/vision</c>). When set, every process
    /// takes the issuer and its signing keys from the issuer's discovery document instead of the key files.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Discovery over HTTPS only; turn off only for a local issuer on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public int TokenLifetimeMinutes { get; set; } = 15;

    /// <summary>Where a service fetches the ids of disabled clients; by default the gateway's (<c>Services:gateway</c>).</summary>
    public string? RevocationListUrl { get; set; }

    public int RevocationRefreshSeconds { get; set; } = 5;

    public bool UsesExternalIssuer => !string.IsNullOrWhiteSpace(Authority);
}
