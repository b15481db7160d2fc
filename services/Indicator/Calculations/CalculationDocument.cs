using System.Security.Cryptography;
using System.Text;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Indicator.Calculations;

/// <summary>
/// The values of one round after a recalculation, and the outbox entry of its <see cref="IndicatorsRecalculated"/>.
/// Its id is derived from what it is based on, so the same responses and definitions give the same id and
/// are stored and published once.
/// </summary>
public sealed record CalculationDocument(
    string Id,
    string RoundId,
    string QuestionnaireId,
    int Year,
    DateTimeOffset CalculatedAt,
    CalculationBasis BasedOn,
    IReadOnlyList<string> DefinitionVersions,
    IReadOnlyList<IndicatorDescription> Indicators,
    IReadOnlyList<IndicatorValue> Values,
    bool Relayed,
    string? TraceParent) : IOutboxDocument
{
    public IndicatorsRecalculated ToEvent() =>
        new(Id, RoundId, QuestionnaireId, Year, CalculatedAt, BasedOn, Indicators, Values);

    /// <summary><c>{roundId}-{16 hex}</c> from the round, the basis and the definition versions.</summary>
    public static string IdFor(string roundId, CalculationBasis basis, IReadOnlyList<string> definitionVersions)
    {
        var key = string.Join('\n', [roundId, basis.Watermark.UtcTicks.ToString(), basis.Responses.ToString(), .. definitionVersions]);
        return $"{roundId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8))}";
    }

    public static IReadOnlyList<string> VersionsOf(IEnumerable<IndicatorDefinition> definitions) =>
        [.. definitions.Select(d => d.Id).Order(StringComparer.Ordinal)];
}
