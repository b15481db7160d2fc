using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Security.Tests;

/// <summary>Tokens an attacker could send: each claims to be an admin and must get 401 everywhere.</summary>
public static class ForgedTokens
{
    private static readonly Lazy<RSA> TestKey = new(() =>
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(TestAuth.SigningKeyPath));
        return rsa;
    });

    public static IReadOnlyList<(string Kind, string? Token)> All() =>
    [
        ("no token", null),
        ("malformed", "abc"),
        ("malformed JWT", "a.b.c"),
        ("alg none", Unsigned()),
        ("signed with another key", Signed(key: RSA.Create(2048))),
        ("HS256 with the public key as secret", SymmetricWithPublicKey()),
        ("wrong issuer", Signed(issuer: "https://evil.example")),
        ("wrong audience", Signed(audience: "another-api")),
        ("expired 5 seconds ago", Signed(expires: DateTime.UtcNow.AddSeconds(-5))),
        ("no expiry", Signed(withExpiry: false)),
        ("no client (sub)", Signed(subject: null)),
    ];

    /// <summary>A token the platform would accept, to show the probes can tell.</summary>
    public static string Valid(string role = "admin") => Signed(role: role);

    public static string Signed(
        RSA? key = null, string issuer = TestAuth.Issuer, string audience = TestAuth.Audience, DateTime? expires = null,
        bool withExpiry = true, string? subject = "intruder", string role = "admin")
    {
        var claims = new List<Claim> { new("role", role) };
        if (subject is not null)
        {
            claims.Add(new Claim("sub", subject));
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = withExpiry ? expires ?? now.AddMinutes(10) : null,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? TestKey.Value), SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = withExpiry }.CreateToken(descriptor);
    }

    private static string Unsigned()
    {
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var payload = Base64Url($$"""{"iss":"{{TestAuth.Issuer}}","aud":"{{TestAuth.Audience}}","sub":"intruder","role":"admin","exp":{{exp}}}""");
        return header + "." + payload + ".";
    }

    private static string SymmetricWithPublicKey()
    {
        var secret = Encoding.UTF8.GetBytes(File.ReadAllText(TestAuth.PublicKeyPath));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = TestAuth.Issuer,
            Audience = TestAuth.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "intruder"), new Claim("role", "admin")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(secret), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
