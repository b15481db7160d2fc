using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Contracts;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Indicator.Tests.Service.FakeSurvey;
using static VisionEHalsa.Indicator.Tests.Service.IndicatorServiceFixture;

namespace VisionEHalsa.Indicator.Tests.Service;

[Collection(IndicatorServiceCollection.Name)]
public class ValueCoverageTests(IndicatorServiceFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Values_show_expected_coverage_and_quality_once_the_round_is_known_even_when_it_opens_late()
    {
        var (questionnaire, round, code) = (NewId("q"), NewId("round"), NewCode("TACKNING"));
        fixture.Survey.Serve(questionnaire, Question("DIGPLAN", "yesno"));
        using var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());
        var defined = await kansli.PostAsJsonAsync("/api/v1/indicators", DefiningIndicatorsTests.Share(code, questionnaire, "DIGPLAN == true"));
        defined.EnsureSuccessStatusCode();
        var now = DateTimeOffset.UtcNow;

        // Five of Uppsala län's eight kommuner answer before the opening of the round reaches this service.
        string[] uppsala = ["0305", "0319", "0330", "0331", "0360"];
        foreach (var (kommun, i) in uppsala.Select((k, i) => (k, i)))
        {
            await fixture.Bus.Publish(new ResponseSubmitted(round, questionnaire, 2025, Kommun(kommun, $"Kommun {kommun}", "03", "Uppsala län", "B4"), 1, now,
                new Dictionary<string, JsonElement> { ["DIGPLAN"] = JsonSerializer.SerializeToElement(i % 2 == 0) }));
        }

        await Eventually.TrueAsync(async () => (await ValuesAsync(kansli, code, IndicatorLevels.Riket)) is [{ Respondents: 5 }],
            Patience, "the responses were never calculated");
        var before = Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Lan));
        Assert.Equal(((int?)null, (double?)null, (string?)null), (before.Expected, before.Coverage, before.Quality));

        await fixture.Bus.Publish(new SurveyRoundOpened(round, questionnaire, 1, 2025, "kommun", 290, now.AddMinutes(-5)));

        await Eventually.TrueAsync(async () => (await ValuesAsync(kansli, code, IndicatorLevels.Riket)) is [{ Expected: 290 }],
            Patience, "the late opening of the round never reached the values");
        await fixture.SettledAsync(round, Patience);
        var riket = Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Riket));
        Assert.Equal((290, Math.Round(5 / 290.0, 6), "low_coverage"), (riket.Expected, riket.Coverage, riket.Quality));
        var lan = Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Lan));
        Assert.Equal((8, 0.625, 5.0, (string?)null), (lan.Expected, lan.Coverage, lan.Denominator, lan.Quality));
        var organisation = (await ValuesAsync(kansli, code, IndicatorLevels.Organisation)).First();
        Assert.Equal((1, 1.0, "small_denominator"), (organisation.Expected, organisation.Coverage, organisation.Quality));

        // The event keeps its contract: the same values, without the new fields.
        var calculations = fixture.Factory.Services.GetRequiredService<CalculationStore>();
        var state = await fixture.Factory.Services.GetRequiredService<RoundStates>().GetAsync(round, CancellationToken.None);
        var published = (await calculations.GetAsync(state!.LastCalculationId!, CancellationToken.None))!.ToEvent();
        Assert.Equal((5, 60.0), (published.Values.Single(v => v.Level == IndicatorLevels.Riket).Respondents, published.Values.Single(v => v.Level == IndicatorLevels.Riket).Value));
    }
}
