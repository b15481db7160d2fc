using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Survey.Responses;

public enum ResponseStatus
{
    Submitted,
    Draft,
}

/// <summary>
/// What a partner or the kansli puts. A null answer means "not answered". Status "draft" stores a partial
/// response that is neither counted nor published; unknown fields are refused so a misspelt one is not lost.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitResponse(
    Dictionary<string, JsonElement>? Answers,
    [property: Description("submitted (default) | draft")] string? Status = null);

public sealed record ResponseReceipt(string RoundId, string OrganisationId, int Version, ResponseStatus Status, DateTimeOffset ReceivedAt);

public sealed record ResponseView(
    string RoundId,
    string OrganisationId,
    int Version,
    ResponseStatus Status,
    DateTimeOffset ReceivedAt,
    string SubmittedBy,
    IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>
/// One stored version of an organisation's response. A submitted version is also the outbox entry of its
/// <see cref="ResponseSubmitted"/>: stored in one write with <c>Relayed = false</c>, so nothing accepted is lost.
/// A draft publishes nothing, so it is stored as already relayed. Versions stored before drafts existed read as submitted.
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
    string? TraceParent,
    ResponseStatus Status = ResponseStatus.Submitted) : IOutboxDocument
{
    public static string DocumentId(string roundId, string organisationId, int version) => $"{roundId}|{organisationId}|{version:D6}";

    public bool IsSubmitted => Status == ResponseStatus.Submitted;

    public ResponseSubmitted ToEvent() =>
        new(RoundId, QuestionnaireId, Year, Organisation, Version, ReceivedAt, Answers);

    public ResponseReceipt ToReceipt() => new(RoundId, OrganisationId, Version, Status, ReceivedAt);

    public ResponseView ToView() => new(RoundId, OrganisationId, Version, Status, ReceivedAt, SubmittedBy, Answers);
}
