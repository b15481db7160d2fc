using System.Globalization;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Strategy.Versions;

/// <summary>
/// One version of the whole strategy. Versions are never changed, only added; each is the outbox entry
/// of the <see cref="StrategyChanged"/> that announces it. <see cref="Summary"/> says in English what changed
/// (null only in versions stored before summaries existed).
/// </summary>
public sealed record StrategyVersion(
    string Id,
    int Version,
    DateTimeOffset ChangedAt,
    string ChangedBy,
    string? Summary,
    StrategyContent Strategy,
    bool Relayed,
    string? TraceParent) : IOutboxDocument
{
    public static string IdFor(int version) => version.ToString(CultureInfo.InvariantCulture);

    public StrategyChanged ToEvent() => new(Version, ChangedAt, ChangedBy, Strategy.ToSnapshot());
}
