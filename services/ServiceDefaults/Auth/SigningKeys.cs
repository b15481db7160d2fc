using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace VisionEHalsa.ServiceDefaults.Auth;

/// <summary>The RSA keys tokens are signed and verified with, read from PEM files and named by their public half.</summary>
public static class SigningKeys
{
    /// <summary>The private key the gateway signs with; null when no key file is configured.</summary>
    public static RsaSecurityKey? LoadSigningKey(AuthOptions options)
    {
        if (options.SigningKeyPath is not { } path || !File.Exists(path))
        {
            return null;
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa) { KeyId = KeyId(rsa) };
    }

    /// <summary>
    /// The current public key (or the signing key's public half) and every previous one. A file that is missing
    /// is left out, so tokens it would verify get 401: a mistake in the settings never lets a token through.
    /// </summary>
    public static IReadOnlyList<SecurityKey> LoadVerificationKeys(AuthOptions options) =>
        new[] { options.PublicKeyPath ?? options.SigningKeyPath }
            .Concat(options.PreviousPublicKeyPaths)
            .Where(path => !string.IsNullOrWhiteSpace(path) && File.Exists(path))
            .Select(path => PublicKey(path!))
            .DistinctBy(key => key.KeyId)
            .ToList();

    /// <summary>The first 16 hex digits of the SHA-256 of the public key: the token's <c>kid</c>.</summary>
    public static string KeyId(RSA rsa) =>
        Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();

    private static RsaSecurityKey PublicKey(string path)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = KeyId(rsa) };
    }
}
