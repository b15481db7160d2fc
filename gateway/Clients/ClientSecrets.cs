using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VisionEHalsa.Gateway.Clients;

/// <summary>
/// Client secrets: generated with 256 bits of randomness, stored only as a salted PBKDF2-SHA256 hash in a
/// self-describing form (<c>pbkdf2-sha256$iterations$salt$hash</c>), compared in constant time.
/// </summary>
public static class ClientSecrets
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // Spent on an unknown client too, so its answer takes as long as a wrong secret's.
    private static readonly string Decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string secret, string? stored)
    {
        var parts = (stored ?? Decoy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(secret, Convert.FromBase64String(parts[2]), iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
