using System.Text.Json;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Survey.Responses;

/// <summary>What a partner or the kansli puts. A null answer means "not answered".</summary>
public sealed record SubmitResponse(Dictionary<string, JsonElement>? Answers);

public sealed record ResponseReceipt(string RoundId, string OrganisationId, int Version, DateTimeOffset ReceivedAt);

public sealed record ResponseView(
    string RoundId,
    string OrganisationId,
    int Version,
    DateTimeOffset ReceivedAt,
    string SubmittedBy,
    IReadOnlyDictionary<string, JsonElement> Answers);

public sealed record ResponseVersionSummary(int Version, DateTimeOffset ReceivedAt, string SubmittedBy);

/// <summary>
/// One accepted version of an organisation's response. It is also the outbox entry of its
/// <see cref="ResponseSubmitted"/>: stored in one write with <c>Relayed = false</c>, so nothing accepted is lost.
/// </summary>
public sealed record ResponseVersion(
    string Id,
    string RoundId,
    string OrganisationId,
    int Version,
    string QuestionnaireId,
    int QuestionnaireVersion,
    int Year,
    OrganisationRef Organisation,
    DateTimeOffset ReceivedAt,
    string SubmittedBy,
    IReadOnlyDictionary<string, JsonElement> Answers,
    string? IdempotencyKey,
    bool Relayed,
    string? TraceParent) : IOutboxDocument
{
    public static string DocumentId(string roundId, string organisationId, int version) => $"{roundId}|{organisationId}|{version:D6}";

    public ResponseSubmitted ToEvent() =>
        new(RoundId, QuestionnaireId, Year, Organisation, Version, ReceivedAt, Answers);

    public ResponseReceipt ToReceipt() => new(RoundId, OrganisationId, Version, ReceivedAt);

    public ResponseView ToView() => new(RoundId, OrganisationId, Version, ReceivedAt, SubmittedBy, Answers);

    public ResponseVersionSummary ToSummary() => new(Version, ReceivedAt, SubmittedBy);
}
