using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Survey.Responses;

/// <summary>
/// A submission's Idempotency-Key, keyed by round, organisation and key, with the SHA-256 of the answers.
/// <see cref="Version"/> is 0 while the submission holding the key is still being processed; <see cref="Instance"/>
/// names the process that holds it (records from before it existed have none).
/// </summary>
public sealed record IdempotencyRecord(string Id, string BodyHash, int Version, long Attempt, DateTimeOffset ClaimedAt, string? Instance = null);

public abstract record IdempotencyClaim
{
    /// <summary>This request holds the key: complete it with the stored version, or release it.</summary>
    public sealed record Claimed(string Id) : IdempotencyClaim;

    public sealed record Replay(int Version) : IdempotencyClaim;

    public sealed record OtherBody : IdempotencyClaim;

    public sealed record StillProcessing : IdempotencyClaim;
}

public sealed class IdempotencyStore(IDocumentStore store, ResponseStore responses, TimeProvider clock)
{
    public const string CollectionName = "idempotency_keys";
    public const int MaxKeyLength = 200;

    private const int Attempts = 20;
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(100);

    /// <summary>A claim this old belongs to a request that died before it completed it.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromSeconds(30);


    private readonly IDocumentCollection<IdempotencyRecord> _records = store.Collection<IdempotencyRecord>(CollectionName);

    // Claims whose request failed (the store, say) after claiming: nobody completes them, so a retry need not wait.
    private readonly ConcurrentDictionary<string, byte> _abandoned = new(StringComparer.Ordinal);


    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// The hash of the answers in a canonical form: codes in ordinal order, values re-serialised without whitespace.
    /// A draft's hash differs from the submission of the same answers, so one key never stands for both.
    /// </summary>
    public static string BodyHash(IReadOnlyDictionary<string, JsonElement> answers, ResponseStatus status = ResponseStatus.Submitted)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (status != ResponseStatus.Submitted)
            {
                writer.WriteString("$status", status.ToString());
            }

            foreach (var (code, answer) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(code);
                answer.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public async Task<IdempotencyClaim> ClaimAsync(string roundId, string organisationId, string key, string bodyHash, CancellationToken ct)
    {
        var id = $"{roundId}|{organisationId}|{key}";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await _records.TryInsertAsync(id, new IdempotencyRecord(id, bodyHash, 0, 0, clock.GetUtcNow(), ProcessInstance.Id), ct))
            {
                return new IdempotencyClaim.Claimed(id);
            }

            var existing = await _records.GetAsync(id, ct);
            if (existing is null)
            {
                continue;
            }

            if (existing.BodyHash != bodyHash)
            {
                return new IdempotencyClaim.OtherBody();
            }

            if (existing.Version > 0)
            {
                return new IdempotencyClaim.Replay(existing.Version);
            }

            if (!IsAbandoned(existing))
            {
                await Task.Delay(WaitStep, clock, ct);
                continue;
            }

            if (await responses.FindByIdempotencyKeyAsync(roundId, organisationId, key, ct) is { } stored)
            {
                await CompleteAsync(id, stored.Version, ct);
                return new IdempotencyClaim.Replay(stored.Version);
            }

            var takeover = existing with { Attempt = existing.Attempt + 1, ClaimedAt = clock.GetUtcNow(), Instance = ProcessInstance.Id };
            if (await _records.TryReplaceAsync(id, takeover, "attempt", existing.Attempt, ct))
            {
                _abandoned.TryRemove(id, out _);
                return new IdempotencyClaim.Claimed(id);
            }
        }

        return new IdempotencyClaim.StillProcessing();
    }

    /// <summary>
    /// The request holding the claim failed before it knew whether its response was stored: the next request with
    /// the key looks for the response, and takes the key over if there is none, without waiting for it to age.
    /// </summary>
    public void Abandon(string claimId) => _abandoned[claimId] = 0;

    private bool IsAbandoned(IdempotencyRecord claim) =>
        _abandoned.ContainsKey(claim.Id)
        || (store.SoleProcess && claim.Instance != ProcessInstance.Id)
        || clock.GetUtcNow() - claim.ClaimedAt >= Abandoned;

    public Task CompleteAsync(string claimId, int version, CancellationToken ct) => _records.SetFieldAsync(claimId, "version", version, ct);

    /// <summary>Frees the key when nothing was stored (the answers were invalid, the round not open), so it can be used again.</summary>
    public Task ReleaseAsync(string claimId, CancellationToken ct) => _records.DeleteAsync(claimId, ct);
}
