using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Indicator.Answers;

public sealed class AnswerStore(IDocumentStore store)
{
    private const int MaxAttempts = 50;
    private readonly IDocumentCollection<StoredAnswers> _answers = store.Collection<StoredAnswers>("answers");

    /// <summary>
    /// Keeps only the highest version of each organisation's response: an older version or a duplicate
    /// changes nothing, whatever order they arrive in. True when the stored answers changed.
    /// </summary>
    public async Task<bool> KeepLatestAsync(ResponseSubmitted response, CancellationToken ct)
    {
        var incoming = StoredAnswers.From(response);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _answers.GetAsync(incoming.Id, ct);
            if (current is null)
            {
                if (await _answers.TryInsertAsync(incoming.Id, incoming, ct))
                {
                    return true;
                }

                continue;
            }

            if (current.Version >= incoming.Version)
            {
                return false;
            }

            if (await _answers.TryReplaceAsync(incoming.Id, incoming, "version", current.Version, ct))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"Answers {incoming.Id} kept changing; the message will be retried.");
    }

    /// <summary>Every stored response of the round, ordered by organisation id so that sums never depend on arrival order.</summary>
    public async Task<IReadOnlyList<StoredAnswers>> ForRoundAsync(string roundId, CancellationToken ct)
    {
        var answers = await _answers.FindAsync(Query.Where("roundId", roundId), ct);
        return [.. answers.OrderBy(a => a.OrganisationId, StringComparer.Ordinal)];
    }

    public async Task<int> CountAsync(string roundId, CancellationToken ct) =>
        (int)await _answers.CountAsync(Query.Where("roundId", roundId), ct);

    public Task EnsureIndexesAsync(CancellationToken ct) => _answers.EnsureIndexAsync("roundId", ct);
}
