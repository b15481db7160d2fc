using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Tokens;

public sealed record IssuedToken(string AccessToken, int ExpiresIn);

/// <summary>Signs short-lived RS256 access tokens with the configured key; the services verify them with its public half.</summary>
public sealed class TokenIssuer
{
    private readonly AuthOptions _options;
    private readonly SigningCredentials? _credentials;

    public TokenIssuer(AuthOptions options)
    {
        _options = options;
        if (options.SigningKeyPath is { } path && File.Exists(path))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(path));
            var key = new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
            _credentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
        }
    }

    public bool CanIssue => _credentials is not null;

    public IssuedToken Issue(RegisteredClient client)
    {
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, client.ClientId),
            new(PlatformClaims.Role, client.Role),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (client.OrganisationId is not null)
        {
            claims.Add(new Claim(PlatformClaims.Organisation, client.OrganisationId));
        }

        var lifetime = TimeSpan.FromMinutes(_options.TokenLifetimeMinutes);
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials ?? throw new InvalidOperationException("No signing key is configured (Auth:SigningKeyPath)."),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }

    private static string KeyId(RSA rsa) =>
        Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();
}
