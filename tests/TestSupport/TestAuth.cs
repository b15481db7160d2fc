using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.TestSupport;

/// <summary>One RSA key per test run; tokens signed with it pass every service's validation.</summary>
public static class TestAuth
{
    private static readonly RSA Key = RSA.Create(2048);
    private static readonly Lazy<(string Private, string Public)> Files = new(WriteKeyFiles);

    public const string Issuer = "vision-ehalsa";
    public const string Audience = "vision-ehalsa-api";

    /// <summary>PEM file with the private key (what the gateway signs with).</summary>
    public static string SigningKeyPath => Files.Value.Private;

    /// <summary>PEM file with the public key (what the services verify with).</summary>
    public static string PublicKeyPath => Files.Value.Public;

    public static string Kansli(string clientId = "test-kansli") => Token(clientId, PlatformRoles.Kansli);

    public static string Operator(string clientId = "test-operator") => Token(clientId, PlatformRoles.Operator);

    public static string Partner(string organisationId, string? clientId = null) =>
        Token(clientId ?? "test-partner-" + organisationId.Replace(':', '-'), PlatformRoles.Partner, organisationId);

    public static string Token(string clientId, string role, string? organisationId = null, TimeSpan? lifetime = null, RSA? key = null)
    {
        var claims = new List<Claim> { new(PlatformClaims.Subject, clientId), new(PlatformClaims.Role, role) };
        if (organisationId is not null)
        {
            claims.Add(new Claim(PlatformClaims.Organisation, organisationId));
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(15)),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? Key), SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static (string, string) WriteKeyFiles()
    {
        var folder = Directory.CreateTempSubdirectory("platform-test-keys-").FullName;
        var privatePath = Path.Combine(folder, "signing.pem");
        var publicPath = Path.Combine(folder, "public.pem");
        File.WriteAllText(privatePath, Key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(publicPath, Key.ExportSubjectPublicKeyInfoPem());
        return (privatePath, publicPath);
    }
}
