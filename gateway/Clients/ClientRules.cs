using System.Text.RegularExpressions;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Clients;

/// <summary>What a client may look like, whether it comes from the clients file or from an admin.</summary>
public static partial class ClientRules
{
    public const int MaxOrganisations = 50;

    public const string ClientIdRule = "2-64 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.";

    public static bool IsValidClientId(string? id) => id is not null && ClientIdPattern().IsMatch(id);

    /// <summary>Every fault of a role and its organisations, per field; empty when they make a valid client.</summary>
    public static Dictionary<string, string[]> Check(string? clientId, string? role, IReadOnlyList<string>? organisationIds)
    {
        var faults = new Dictionary<string, string[]>();
        if (clientId is not null && !IsValidClientId(clientId))
        {
            faults["clientId"] = [ClientIdRule];
        }

        if (!PlatformRoles.IsKnown(role))
        {
            faults["role"] = [$"One of {string.Join(", ", PlatformRoles.All)}."];
            return faults;
        }

        var organisations = organisationIds ?? [];
        if (role == PlatformRoles.Partner)
        {
            var wrong = organisations.Where(o => !OrganisationPattern().IsMatch(o ?? string.Empty)).ToList();
            if (organisations.Count == 0 || organisations.Count > MaxOrganisations)
            {
                faults["organisationIds"] = [$"A partner is bound to 1 to {MaxOrganisations} organisations."];
            }
            else if (wrong.Count > 0)
            {
                faults["organisationIds"] = [$"Not organisation ids (kommun:NNNN, region:NN, myndighet:slug): {string.Join(", ", wrong)}."];
            }
            else if (organisations.Distinct(StringComparer.Ordinal).Count() != organisations.Count)
            {
                faults["organisationIds"] = ["An organisation is listed twice."];
            }
        }
        else if (organisations.Count > 0)
        {
            faults["organisationIds"] = [$"Only a partner is bound to organisations; a {role} client acts for none."];
        }

        return faults;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex("^(kommun:[0-9]{4}|region:[0-9]{2}|myndighet:[a-z0-9-]{1,64})$")]
    private static partial Regex OrganisationPattern();
}
