using System.Text.Json;

namespace VisionEHalsa.Gateway.Clients;

/// <summary>
/// A client as the clients file (<c>Auth:ClientsFile</c>) declares it: <c>{clientId, clientSecret, role,
/// organisationId?}</c>; a partner acting for several organisations lists them as <c>organisationIds: [...]</c>.
/// </summary>
public sealed record ClientDefinition(string ClientId, string ClientSecret, string Role, string? OrganisationId = null, IReadOnlyList<string>? OrganisationIds = null)
{
    public IReadOnlyList<string> Organisations =>
        [.. (OrganisationIds ?? []).Concat(OrganisationId is null ? [] : [OrganisationId]).Distinct(StringComparer.Ordinal)];
}

public static class ClientsFile
{
    /// <summary>The file's clients; none when no file is configured. A client the rules refuse stops the gateway: its settings are wrong.</summary>
    public static IReadOnlyList<ClientDefinition> Read(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return [];
        }

        var clients = JsonSerializer.Deserialize<List<ClientDefinition>>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? [];
        foreach (var client in clients)
        {
            var faults = ClientRules.Check(client.ClientId, client.Role, client.Organisations);
            if (string.IsNullOrEmpty(client.ClientId) || string.IsNullOrEmpty(client.ClientSecret) || faults.Count > 0)
            {
                var why = string.Join("; ", faults.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"));
                throw new InvalidOperationException($"Client '{client.ClientId}' in {path} is not valid: {(why.Length > 0 ? why : "clientId and clientSecret are required")}");
            }
        }

        return clients;
    }
}
