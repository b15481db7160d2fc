using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.Survey.Responses;
using VisionEHalsa.Survey.Rounds;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class RelayTests(SurveyService service)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());
    private readonly IDocumentStore _store = service.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task Accepted_response_is_relayed_to_the_broker()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var response = await PutAsync(service.ClientWithToken(TestAuth.Partner("kommun:0180")), roundId, "kommun:0180", ValidAnswers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var responses = _store.Collection<ResponseVersion>(ResponseStore.CollectionName);
        var id = ResponseVersion.DocumentId(roundId, "kommun:0180", 1);

        var stored = await PollAsync(() => responses.GetAsync(id), r => r.Relayed);

        Assert.True(stored.Relayed, "the response was not confirmed by the broker within 10 s");
        var message = stored.ToEvent();
        Assert.Equal("Stockholm", message.Organisation.Name);
        Assert.Equal("A1", message.Organisation.Kommungrupp);
        Assert.Equal(2023, message.Answers["PLANAR"].GetInt32());
    }

    [Fact]
    public async Task Opening_and_closing_a_round_are_relayed_as_their_events()
    {
        var roundId = await OpenRoundAsync(_kansli);
        await ChangeRoundAsync(_kansli, roundId, "close");
        var events = _store.Collection<RoundEvent>(RoundStore.EventCollectionName);

        var opened = await PollAsync(() => events.GetAsync(RoundEvent.DocumentId(roundId, 1)), e => e.Relayed);
        var closed = await PollAsync(() => events.GetAsync(RoundEvent.DocumentId(roundId, 2)), e => e.Relayed);

        Assert.True(opened.Relayed && closed.Relayed, "the round events were not confirmed by the broker within 10 s");
        var openedEvent = Assert.IsType<SurveyRoundOpened>(opened.ToEvent());
        Assert.Equal(290, openedEvent.Expected);
        Assert.Equal("kommun", openedEvent.Population);
        Assert.Equal(roundId, Assert.IsType<SurveyRoundClosed>(closed.ToEvent()).RoundId);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> read, Func<T, bool> done) where T : class
    {
        var until = DateTime.UtcNow + MaxWait;
        while (true)
        {
            var current = await read() ?? throw new InvalidOperationException("The document was not stored.");
            if (done(current) || DateTime.UtcNow > until)
            {
                return current;
            }

            await Task.Delay(100);
        }
    }
}
