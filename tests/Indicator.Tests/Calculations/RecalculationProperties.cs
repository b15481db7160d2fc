using FsCheck.Xunit;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.ReferenceData;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Indicator.Tests.Calculations;

public class RecalculationProperties
{
    private const double Tolerance = 1e-6;

    private static readonly IReadOnlyList<CompiledIndicator> Indicators = [.. PlainRecomputation.Definitions.Select(CompiledIndicator.From)];

    [Property(Arbitrary = [typeof(ResponseSets)], MaxTest = 60)]
    public async Task Values_equal_a_plain_recomputation_whatever_the_order_and_duplicates_of_deliveries(ResponseSet set)
    {
        using var store = new LiteDbDocumentStore(Path.Combine(TestEnvironment.NewDataDirectory("indicator-property"), "indicator.db"));
        var answers = new AnswerStore(store);
        var population = KommunRegister.Embedded.ExpectedFor(KommunRegister.KommunPopulation, 290);

        var first = IndicatorCalculator.Calculate(Indicators, await DeliverAsync(answers, "round-first", set.FirstArrival), population);
        var second = IndicatorCalculator.Calculate(Indicators, await DeliverAsync(answers, "round-second", set.SecondArrival), population);

        Assert.Equal(first, second);
        var expected = PlainRecomputation.Of(set.Latest);
        Assert.Equal(expected.Count, first.Count);
        var platform = first.ToDictionary(v => (v.Indicator, v.Level, v.Area));
        foreach (var value in expected)
        {
            var found = platform[(value.Indicator, value.Level, value.Area)];
            Assert.True(Close(value.Value, found.Value) && Close(value.Numerator, found.Numerator) && Close(value.Denominator, found.Denominator),
                $"{value} but the platform gave {found}");
            Assert.Equal(value.Respondents, found.Respondents);
            Assert.Equal(QualityOf(value, found.Expected), found.Quality);
        }
    }

    private static async Task<List<Respondent>> DeliverAsync(AnswerStore answers, string roundId, IEnumerable<Delivery> arrival)
    {
        foreach (var delivery in arrival)
        {
            await answers.KeepLatestAsync(delivery.ToEvent(roundId), CancellationToken.None);
        }

        return [.. (await answers.ForRoundAsync(roundId, CancellationToken.None)).Select(Respondent.From)];
    }

    /// <summary>The flag recomputed from the respondents and the reference count of the area.</summary>
    private static string? QualityOf(PlainRecomputation.Expected value, int? expected) =>
        expected is > 0 && (double)value.Respondents / expected.Value < 0.6 ? "low_coverage"
        : Math.Round(value.Denominator, 6) < 5 ? "small_denominator"
        : null;

    private static bool Close(double? expected, double? actual) =>
        expected is null ? actual is null : actual is not null && Math.Abs(expected.Value - actual.Value) <= Tolerance;
}
