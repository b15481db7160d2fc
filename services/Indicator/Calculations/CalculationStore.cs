using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Indicator.Calculations;

public sealed class CalculationStore(IDocumentStore store, OutboxSignal outbox)
{
    public const string CollectionName = "calculations";

    private readonly IDocumentCollection<CalculationDocument> _calculations = store.Collection<CalculationDocument>(CollectionName);

    /// <summary>Stores a calculation with its event unrelayed; false when the same calculation was stored before.</summary>
    public async Task<bool> StoreAsync(CalculationDocument calculation, CancellationToken ct)
    {
        if (!await _calculations.TryInsertAsync(calculation.Id, calculation, ct))
        {
            return false;
        }

        outbox.Notify();
        return true;
    }

    public Task<CalculationDocument?> GetAsync(string id, CancellationToken ct) => _calculations.GetAsync(id, ct);

    public Task<long> CountForRoundAsync(string roundId, CancellationToken ct) =>
        _calculations.CountAsync(Query.Where("roundId", roundId), ct);

    public Task EnsureIndexesAsync(CancellationToken ct) => _calculations.EnsureIndexAsync("roundId", ct);
}
