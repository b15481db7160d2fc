using System.Text.Json;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Indicator.Answers;

/// <summary>
/// This service's copy of one organisation's latest response in a round, keyed <c>{roundId}|{organisationId}</c>,
/// with what grouping needs (län, kommungrupp) so a recalculation never asks another service.
/// </summary>
public sealed record StoredAnswers(
    string Id,
    string RoundId,
    string QuestionnaireId,
    int Year,
    string OrganisationId,
    string OrganisationName,
    string OrganisationType,
    string? Lanskod,
    string? Lan,
    string? Kommungrupp,
    int Version,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, JsonElement> Answers)
{
    public static string IdFor(string roundId, string organisationId) => $"{roundId}|{organisationId}";

    public static StoredAnswers From(ResponseSubmitted response) => new(
        IdFor(response.RoundId, response.Organisation.Id),
        response.RoundId,
        response.QuestionnaireId,
        response.Year,
        response.Organisation.Id,
        response.Organisation.Name,
        response.Organisation.Type,
        response.Organisation.Lanskod,
        response.Organisation.Lan,
        response.Organisation.Kommungrupp,
        response.Version,
        response.ReceivedAt,
        response.Answers ?? new Dictionary<string, JsonElement>());
}
