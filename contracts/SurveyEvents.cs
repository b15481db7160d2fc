using System.Text.Json;

namespace VisionEHalsa.Contracts;

// The namespace and names of these records are part of the wire format: never rename them.

public sealed record SurveyRoundOpened(
    string RoundId,
    string QuestionnaireId,
    int QuestionnaireVersion,
    int Year,
    string Population,
    int Expected,
    DateTimeOffset OpenedAt);

/// <summary>
/// One accepted response version, with its answers (event-carried state): the indicator service keeps
/// its own copy and never calls the survey service to recalculate.
/// </summary>
public sealed record ResponseSubmitted(
    string RoundId,
    string QuestionnaireId,
    int Year,
    OrganisationRef Organisation,
    int Version,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, JsonElement> Answers);

public sealed record SurveyRoundClosed(
    string RoundId,
    string QuestionnaireId,
    int Year,
    DateTimeOffset ClosedAt);
