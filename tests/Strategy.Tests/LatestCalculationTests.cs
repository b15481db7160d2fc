using VisionEHalsa.Contracts;
using VisionEHalsa.Strategy.Indicators;

namespace VisionEHalsa.Strategy.Tests;

/// <summary>Which of a round's calculations the strategy keeps, as the reporting service decides it.</summary>
public sealed class LatestCalculationTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static IndicatorsRecalculated Calculation(string id, CalculationBasis basis, DateTimeOffset at) =>
        new(id, "round", "vision-ehalsa-kommun", 2025, at, basis, [], []);

    [Fact]
    public void A_higher_sequence_wins_even_over_a_later_watermark_and_a_later_run()
    {
        // A correction accepted before a later response, recalculated afterwards by another replica.
        var current = RoundValues.From(Calculation("a", new CalculationBasis(290, Noon.AddMinutes(5), Sequence: 7), Noon.AddMinutes(6)), 1);
        var later = Calculation("b", new CalculationBasis(290, Noon.AddMinutes(5), Sequence: 8), Noon.AddMinutes(6));
        var earlier = Calculation("c", new CalculationBasis(291, Noon.AddMinutes(9), Sequence: 6), Noon.AddMinutes(10));

        Assert.True(RoundValues.IsNewer(later, current));
        Assert.False(RoundValues.IsNewer(earlier, current));
    }

    [Fact]
    public void Without_sequences_the_later_watermark_wins()
    {
        var current = RoundValues.From(Calculation("a", new CalculationBasis(200, Noon), Noon), 1);

        Assert.True(RoundValues.IsNewer(Calculation("b", new CalculationBasis(150, Noon.AddSeconds(1)), Noon), current));
        Assert.False(RoundValues.IsNewer(Calculation("c", new CalculationBasis(250, Noon.AddSeconds(-1)), Noon.AddHours(1)), current));
    }
}
