using System.Security.Cryptography;
using System.Text;

namespace VisionEHalsa.ServiceDefaults.Auth;

/// <summary>
/// Clients whose tokens are refused although their signature and lifetime are valid: the clients an admin disabled.
/// The gateway answers from its client store; a service from the list it fetches from the gateway.
/// </summary>
public interface IRevokedClients
{
    ValueTask<bool> IsRevokedAsync(string clientId, CancellationToken ct);
}

/// <summary>What the gateway's <c>GET /internal/revoked-clients</c> returns: the SHA-256 (hex) of each disabled client's id.</summary>
/// <remarks>Hashes, not ids, so the open list tells nobody which clients exist.</remarks>
public sealed record RevokedClientList(IReadOnlyList<string> Clients)
{
    public const string Path = "/internal/revoked-clients";

    public static string Hash(string clientId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)));
}

/// <summary>A process with no source for the list (a service tested alone): no client is refused for being disabled.</summary>
internal sealed class NoRevokedClients : IRevokedClients
{
    public ValueTask<bool> IsRevokedAsync(string clientId, CancellationToken ct) => ValueTask.FromResult(false);
}
