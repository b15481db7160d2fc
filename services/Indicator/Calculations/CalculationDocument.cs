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
    IReadOnlyList<CalculatedValue> Values,
    bool Relayed,
    string? TraceParent) : IOutboxDocument
{
    public IndicatorsRecalculated ToEvent() =>
        new(Id, RoundId, QuestionnaireId, Year, CalculatedAt, BasedOn, Indicators, [.. Values.Select(v => v.ToContract())]);

    /// <summary>
    /// <c>{roundId}-{16 hex}</c> from the round, the basis, every stored answer's organisation and version, the
    /// definition versions and, once known, the round's population and expected count (coverage depends on them).
    /// The answers' versions make any change of the stored answers a new calculation: a correction delivered after a
    /// later response leaves the count and the latest acceptance time as they were, but not the versions.
    /// </summary>
    public static string IdFor(
        string roundId, CalculationBasis basis, IReadOnlyList<string> definitionVersions, IEnumerable<string> answerVersions,
        string? population = null, int? expected = null)
    {
        string[] expectation = population is null && expected is null ? [] : [$"population={population}|expected={expected}"];
        var key = string.Join('\n', [roundId, basis.Watermark.UtcTicks.ToString(), basis.Responses.ToString(), .. definitionVersions,
            .. expectation, .. answerVersions.Order(StringComparer.Ordinal)]);
        return $"{roundId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8))}";
    }

    public static IReadOnlyList<string> VersionsOf(IEnumerable<IndicatorDefinition> definitions) =>
        [.. definitions.Select(d => d.Id).Order(StringComparer.Ordinal)];
}
