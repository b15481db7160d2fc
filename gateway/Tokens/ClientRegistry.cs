using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VisionEHalsa.Gateway.Tokens;

/// <summary>A client as the clients file declares it: bound to a role, and a partner to its organisation.</summary>
public sealed record ClientDefinition(string ClientId, string ClientSecret, string Role, string? OrganisationId);

/// <summary>
/// The registered clients. Secrets are kept only as salted PBKDF2 hashes in memory and compared in
/// constant time, so a memory dump or a timing probe does not give them away.
/// </summary>
public sealed class ClientRegistry
{
    private const int Iterations = 100_000;
    private readonly Dictionary<string, RegisteredClient> _clients;

    public ClientRegistry(IEnumerable<ClientDefinition> clients) =>
        _clients = clients.ToDictionary(c => c.ClientId, Register, StringComparer.Ordinal);

    public static ClientRegistry FromFile(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return new ClientRegistry([]);
        }

        var clients = JsonSerializer.Deserialize<List<ClientDefinition>>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? [];
        return new ClientRegistry(clients);
    }

    public RegisteredClient? Authenticate(string clientId, string clientSecret)
    {
        if (!_clients.TryGetValue(clientId, out var client))
        {
            // Spend the same work for an unknown client as for a wrong secret.
            _ = Hash(clientSecret, new byte[16]);
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(clientSecret, client.Salt), client.SecretHash) ? client : null;
    }

    private static RegisteredClient Register(ClientDefinition definition)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new RegisteredClient(definition.ClientId, definition.Role, definition.OrganisationId, salt, Hash(definition.ClientSecret, salt));
    }

    private static byte[] Hash(string secret, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, 32);
}

public sealed record RegisteredClient(string ClientId, string Role, string? OrganisationId, byte[] Salt, byte[] SecretHash);
