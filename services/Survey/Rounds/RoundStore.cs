using System.Diagnostics;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.Survey.Organisations;

namespace VisionEHalsa.Survey.Rounds;

public abstract record RoundChange
{
    public sealed record Done(Round Round) : RoundChange;

    public sealed record Refused(string Reason) : RoundChange;

    public sealed record Missing : RoundChange;
}

/// <summary>Rounds, and their status changes as outbox documents relayed to the broker.</summary>
public sealed class RoundStore(IDocumentStore store, OrganisationRegistry organisations, OutboxSignal signal)
{
    public const string CollectionName = "rounds";
    public const string EventCollectionName = "round_events";
    private const int Attempts = 10;

    private readonly IDocumentCollection<Round> _rounds = store.Collection<Round>(CollectionName);
    private readonly IDocumentCollection<RoundEvent> _events = store.Collection<RoundEvent>(EventCollectionName);

    public Task<bool> TryCreateAsync(Round round, CancellationToken ct) => _rounds.TryInsertAsync(round.Id, round, ct);

    public async Task<Round?> GetAsync(string id, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var round = await _rounds.GetAsync(id, ct);
            if (round is null || !await CatchUpAsync(round, ct))
            {
                return round;
            }
        }

        return await _rounds.GetAsync(id, ct);
    }

    /// <summary>
    /// Stores the change's event first: its id (round and next revision) lets only one concurrent change
    /// win, and once it is stored the change is certain to be published and applied.
    /// </summary>
    public async Task<RoundChange> ChangeAsync(string id, RoundEventKind kind, DateTimeOffset at, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await GetAsync(id, ct) is not { } round)
            {
                return new RoundChange.Missing();
            }

            if (round.Refusal(kind) is { } reason)
            {
                return new RoundChange.Refused(reason);
            }

            var change = RoundEvent.For(round, kind, organisations.OfType(round.Population).Count(), at, Activity.Current?.Id);
            if (!await _events.TryInsertAsync(change.Id, change, ct))
            {
                continue;
            }

            signal.Notify();
            var changed = round.Apply(change);
            await _rounds.TryReplaceAsync(id, changed, "revision", round.Revision, ct);
            return new RoundChange.Done(changed);
        }

        return new RoundChange.Refused($"Round {id} was changed by several requests at once; try again.");
    }

    /// <summary>Applies an event stored by a change that stopped before updating its round; true when it did.</summary>
    private async Task<bool> CatchUpAsync(Round round, CancellationToken ct)
    {
        if (await _events.GetAsync(RoundEvent.DocumentId(round.Id, round.Revision + 1), ct) is not { } ahead)
        {
            return false;
        }

        await _rounds.TryReplaceAsync(round.Id, round.Apply(ahead), "revision", round.Revision, ct);
        return true;
    }
}
