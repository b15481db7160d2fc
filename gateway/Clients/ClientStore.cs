using System.Security.Cryptography;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Gateway.Clients;

public abstract record ClientChange
{
    public sealed record Done(GatewayClient Client) : ClientChange;

    public sealed record Refused(string Reason) : ClientChange;

    public sealed record Unknown : ClientChange;
}

/// <summary>The gateway's clients, in its own store (collection <c>clients</c>).</summary>
public sealed class ClientStore(IDocumentStore store, TimeProvider clock)
{
    public const string CollectionName = "clients";
    private const int Attempts = 5;

    private readonly IDocumentCollection<GatewayClient> _clients = store.Collection<GatewayClient>(CollectionName);

    /// <summary>Raised when a client is disabled here, so this gateway's own cache forgets it at once.</summary>
    public event Action? Disabled;

    public Task EnsureIndexesAsync(CancellationToken ct) => _clients.EnsureIndexAsync("disabled", ct);

    /// <summary>The client, when it exists, is enabled and the secret is its own; the same work is spent either way.</summary>
    public async Task<GatewayClient?> AuthenticateAsync(string clientId, string secret, CancellationToken ct)
    {
        var client = await _clients.GetAsync(clientId, ct);
        var matches = ClientSecrets.Verify(secret, client?.SecretHash);
        return matches && client is { Disabled: false } ? client : null;
    }

    public Task<GatewayClient?> GetAsync(string clientId, CancellationToken ct) => _clients.GetAsync(clientId, ct);

    public async Task<IReadOnlyList<GatewayClient>> ListAsync(CancellationToken ct) =>
        (await _clients.FindAsync(Query.All, ct)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlySet<string>> DisabledIdsAsync(CancellationToken ct) =>
        (await _clients.FindAsync(Query.Where("disabled", true), ct)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>A new client with a generated secret, returned once; null when the id is taken.</summary>
    public async Task<(GatewayClient Client, string Secret)?> CreateAsync(
        string? clientId, string role, IReadOnlyList<string> organisationIds, string createdBy, CancellationToken ct)
    {
        var secret = ClientSecrets.Generate();
        var client = new GatewayClient
        {
            Id = clientId ?? $"{role}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}",
            Role = role,
            OrganisationIds = organisationIds,
            SecretHash = ClientSecrets.Hash(secret),
            Source = ClientSource.Api,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
        return await _clients.TryInsertAsync(client.Id, client, ct) ? (client, secret) : null;
    }

    public async Task<(ClientChange Change, string? Secret)> RotateSecretAsync(string clientId, string by, CancellationToken ct)
    {
        var secret = ClientSecrets.Generate();
        var hash = ClientSecrets.Hash(secret);
        var change = await ChangeAsync(clientId, client => client.Disabled
            ? new ClientChange.Refused($"Client '{clientId}' is disabled; create a new client instead.")
            : new ClientChange.Done(client with { SecretHash = hash, SecretRotatedAt = clock.GetUtcNow(), SecretRotatedBy = by }), ct);
        return (change, change is ClientChange.Done ? secret : null);
    }

    public async Task<ClientChange> DisableAsync(string clientId, string by, CancellationToken ct)
    {
        var change = await ChangeAsync(clientId, client => client.Disabled
            ? new ClientChange.Done(client)
            : new ClientChange.Done(client with { Disabled = true, DisabledAt = clock.GetUtcNow(), DisabledBy = by }), ct);
        if (change is ClientChange.Done)
        {
            Disabled?.Invoke();
        }

        return change;
    }

    /// <summary>
    /// Brings a client of the clients file into the store. The file decides role and organisations; its secret replaces
    /// the stored one unless an admin rotated the secret since. A client an admin disabled stays disabled.
    /// </summary>
    public async Task ImportAsync(ClientDefinition definition, CancellationToken ct)
    {
        var imported = new GatewayClient
        {
            Id = definition.ClientId,
            Role = definition.Role,
            OrganisationIds = definition.Organisations,
            SecretHash = ClientSecrets.Hash(definition.ClientSecret),
            Source = ClientSource.File,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = ClientSource.File,
        };
        if (await _clients.TryInsertAsync(imported.Id, imported, ct))
        {
            return;
        }

        await ChangeAsync(definition.ClientId, client =>
        {
            var secretHash = client.SecretRotatedAt is null && !ClientSecrets.Verify(definition.ClientSecret, client.SecretHash)
                ? imported.SecretHash
                : client.SecretHash;
            var unchanged = imported.Role == client.Role && imported.OrganisationIds.SequenceEqual(client.OrganisationIds) && secretHash == client.SecretHash;
            return new ClientChange.Done(unchanged
                ? client
                : client with { Role = imported.Role, OrganisationIds = imported.OrganisationIds, SecretHash = secretHash });
        }, ct);
    }

    private async Task<ClientChange> ChangeAsync(string clientId, Func<GatewayClient, ClientChange> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await _clients.GetAsync(clientId, ct) is not { } current)
            {
                return new ClientChange.Unknown();
            }

            // The same instance back means nothing to change.
            var outcome = change(current);
            if (outcome is not ClientChange.Done { Client: var next } || ReferenceEquals(next, current))
            {
                return outcome;
            }

            var stored = next with { Version = current.Version + 1 };
            if (await _clients.TryReplaceAsync(clientId, stored, "version", current.Version, ct))
            {
                return new ClientChange.Done(stored);
            }
        }

        return new ClientChange.Refused($"Client '{clientId}' kept changing; try again.");
    }
}
