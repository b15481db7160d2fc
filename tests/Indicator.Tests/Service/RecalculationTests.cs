using System.Net;
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
public class RecalculationTests(IndicatorServiceFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Only_the_latest_version_counts_when_versions_arrive_out_of_order()
    {
        var (questionnaire, round, code) = (NewId("q"), NewId("round"), NewCode("DIGPLAN"));
        using var kansli = await DefineShareAsync(questionnaire, code);
        var observer = new ConsumedResponses();
        using var observing = fixture.Bus.ConnectConsumeObserver(observer);
        var stockholm = Kommun("0180", "Stockholm", "01", "Stockholms län", "A1");
        var now = DateTimeOffset.UtcNow;
        var correction = Response(round, questionnaire, stockholm, 2, now, """{"DIGPLAN": false}""");
        var original = Response(round, questionnaire, stockholm, 1, now.AddSeconds(-30), """{"DIGPLAN": true}""");

        // Consumers run concurrently: wait for version 2 so that version 1 really arrives after it.
        await fixture.Bus.Publish(correction);
        await observer.WaitForAsync(correction, Patience);
        await fixture.Bus.Publish(original);
        await fixture.Bus.Publish(original);
        await observer.WaitForAsync(original, Patience);
        await fixture.SettledAsync(round, Patience);

        var riket = Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Riket));
        Assert.Equal((0.0, 0.0, 1.0, 1), (riket.Value, riket.Numerator, riket.Denominator, riket.Respondents));
        var organisation = Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Organisation));
        Assert.Equal(("kommun:0180", "Stockholm", 0.0), (organisation.Area, organisation.AreaName, organisation.Value));
    }

    [Fact]
    public async Task A_burst_of_responses_causes_few_recalculations_and_round_writes_and_the_last_includes_all()
    {
        var (questionnaire, round, code) = (NewId("q"), NewId("round"), NewCode("BURST"));
        using var kansli = await DefineShareAsync(questionnaire, code);
        var now = DateTimeOffset.UtcNow;
        var responses = Enumerable.Range(1, 290).Select(i => Response(round, questionnaire,
            Kommun($"{i:D4}", $"Kommun {i}", i % 2 == 0 ? "01" : "03", i % 2 == 0 ? "Stockholms län" : "Uppsala län", i % 5 == 0 ? "A1" : "B3"),
            1, now.AddMilliseconds(i), i % 3 == 0 ? """{"DIGPLAN": true}""" : """{"DIGPLAN": false}""")).ToList();

        await Task.WhenAll(responses.Select(r => fixture.Bus.Publish(r)));
        await Eventually.TrueAsync(async () => (await ValuesAsync(kansli, code, IndicatorLevels.Riket)) is [{ Respondents: 290 }],
            TimeSpan.FromSeconds(120), "the values never included all 290 responses");
        await fixture.SettledAsync(round, Patience);

        var riket = Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Riket));
        Assert.Equal((96.0, 290.0), (riket.Numerator, riket.Denominator));
        Assert.Equal(Math.Round(100.0 * 96 / 290, 6), riket.Value);
        var lan = await ValuesAsync(kansli, code, IndicatorLevels.Lan);
        Assert.Equal([("01", "Stockholms län", 145), ("03", "Uppsala län", 145)], lan.Select(v => (v.Area, v.AreaName, v.Respondents)));
        Assert.Equal(290, (await ValuesAsync(kansli, code, IndicatorLevels.Organisation)).Count);
        var calculations = await fixture.Factory.Services.GetRequiredService<CalculationStore>().CountForRoundAsync(round, CancellationToken.None);
        Assert.InRange(calculations, 1, 15);

        // Responses are consumed in batches: the round's state is written once per batch (and per claim), not per response.
        var state = await fixture.Factory.Services.GetRequiredService<RoundStates>().GetAsync(round, CancellationToken.None);
        Assert.InRange(state!.Revision, 1, 145);
    }

    [Fact]
    public async Task A_new_version_of_a_definition_recalculates_the_rounds_it_applies_to()
    {
        var (questionnaire, round, code) = (NewId("q"), NewId("round"), NewCode("OMDEF"));
        using var kansli = await DefineShareAsync(questionnaire, code);
        var now = DateTimeOffset.UtcNow;
        await fixture.Bus.Publish(Response(round, questionnaire, Kommun("0114", "Upplands Väsby", "01", "Stockholms län", "A2"), 1, now, """{"DIGPLAN": true}"""));
        await fixture.Bus.Publish(Response(round, questionnaire, Kommun("0305", "Håbo", "03", "Uppsala län", "B3"), 1, now, """{"DIGPLAN": false}"""));
        await Eventually.TrueAsync(async () => (await ValuesAsync(kansli, code, IndicatorLevels.Riket)) is [{ Respondents: 2, Value: 50 }],
            Patience, "the first definition was never calculated");

        var redefined = await kansli.PostAsJsonAsync("/api/v1/indicators", DefiningIndicatorsTests.Share(code, questionnaire, "DIGPLAN == false"));

        Assert.Equal(HttpStatusCode.Created, redefined.StatusCode);
        await fixture.SettledAsync(round, Patience);
        var calculations = fixture.Factory.Services.GetRequiredService<CalculationStore>();
        var latest = (await fixture.Factory.Services.GetRequiredService<RoundStates>().GetAsync(round, CancellationToken.None))!.LastCalculationId!;
        Assert.Equal([$"{code}@2"], (await calculations.GetAsync(latest, CancellationToken.None))!.DefinitionVersions);
        await Eventually.TrueAsync(async () => await calculations.GetAsync(latest, CancellationToken.None) is { Relayed: true },
            Patience, "the IndicatorsRecalculated event of the new calculation was never confirmed by the broker");
        var lan = await ValuesAsync(kansli, code, IndicatorLevels.Lan);
        Assert.Equal([("01", 0.0), ("03", 100.0)], lan.Select(v => (v.Area, v.Value ?? -1)));
    }

    [Fact]
    public async Task An_opened_round_is_remembered_and_a_closed_round_recalculated()
    {
        var (questionnaire, round, code) = (NewId("q"), NewId("round"), NewCode("STANGD"));
        using var kansli = await DefineShareAsync(questionnaire, code);
        var rounds = fixture.Factory.Services.GetRequiredService<RoundStates>();
        var now = DateTimeOffset.UtcNow;

        await fixture.Bus.Publish(new SurveyRoundOpened(round, questionnaire, 1, 2025, "kommun", 290, now));
        await Eventually.TrueAsync(async () => await rounds.GetAsync(round, CancellationToken.None) is { Year: 2025, Dirty: false, Closed: false },
            Patience, "the opened round was not remembered");
        await fixture.Bus.Publish(Response(round, questionnaire, Kommun("0180", "Stockholm", "01", "Stockholms län", "A1"), 1, now, """{"DIGPLAN": true}"""));
        await fixture.SettledAsync(round, Patience);
        await fixture.Bus.Publish(new SurveyRoundClosed(round, questionnaire, 2025, now.AddMinutes(1)));

        await Eventually.TrueAsync(async () => await rounds.GetAsync(round, CancellationToken.None) is { Closed: true, Dirty: false },
            Patience, "the closed round was not recalculated");
        var state = await rounds.GetAsync(round, CancellationToken.None);
        Assert.Equal((questionnaire, 1, 1), (state!.QuestionnaireId, state.Responses, state.LastCalculationId is null ? 0 : 1));
        Assert.Equal(100, Assert.Single(await ValuesAsync(kansli, code, IndicatorLevels.Riket)).Value);
    }

    private async Task<HttpClient> DefineShareAsync(string questionnaire, string code)
    {
        fixture.Survey.Serve(questionnaire, Question("DIGPLAN", "yesno"));
        var kansli = fixture.Factory.ClientWithToken(TestAuth.Kansli());
        var defined = await kansli.PostAsJsonAsync("/api/v1/indicators", DefiningIndicatorsTests.Share(code, questionnaire, "DIGPLAN == true"));
        Assert.Equal(HttpStatusCode.Created, defined.StatusCode);
        return kansli;
    }

    private static ResponseSubmitted Response(string round, string questionnaire, OrganisationRef organisation, int version, DateTimeOffset receivedAt, string answers) =>
        new(round, questionnaire, 2025, organisation, version, receivedAt, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(answers)!);
}
