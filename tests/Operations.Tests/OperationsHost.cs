using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VisionEHalsa.Contracts;
using VisionEHalsa.ServiceDefaults;
using VisionEHalsa.ServiceDefaults.Operations;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Operations.Tests;

/// <summary>
/// A small service on the platform's defaults (store, messaging, auth, operations endpoints) with one consumer of a
/// real contract, listening on a real port so that the gateway can reach it. Its queues are temporary, as every
/// in-process test host's are.
/// </summary>
public class OperationsHost : IAsyncLifetime
{
    private readonly string _dataDirectory = TestEnvironment.NewDataDirectory("operations");
    private readonly bool _temporaryQueues;
    private WebApplication? _app;

    public OperationsHost()
        : this(temporaryQueues: true)
    {
    }

    protected OperationsHost(bool temporaryQueues) => _temporaryQueues = temporaryQueues;

    public RoundClosing Closing { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>The consumer's queue, named as the service's endpoint name formatter names it.</summary>
    public string Queue { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RABBITMQ_URI"] = TestEnvironment.RabbitUri,
            ["Messaging:QueuePrefix"] = $"test-{Guid.NewGuid():N}"[..17],
            ["Messaging:TemporaryQueues"] = _temporaryQueues ? "true" : "false",
            ["Auth:PublicKeyPath"] = TestAuth.PublicKeyPath,
            ["Platform:DataDirectory"] = _dataDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults("opstest");
        builder.AddDocumentStore("opstest");
        builder.Services.AddSingleton(Closing);
        builder.AddMessaging("opstest", x => x.AddConsumer<CloseRoundWhileDefective>());

        _app = builder.Build();
        _app.MapServiceDefaults();
        await _app.StartAsync();

        Address = new Uri(_app.Urls.Single());
        Queue = _app.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<CloseRoundWhileDefective>();
        using var probe = new HttpClient { BaseAddress = Address };
        await Eventually.ValueAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK ? "ready" : null,
            TimeSpan.FromSeconds(60), "the test service did not get ready");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (!_temporaryQueues)
        {
            await Broker.DeleteAsync(Queue, Queue + "_error");
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string NewRound() => "ops-test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Puts one <see cref="SurveyRoundClosed"/> on the consumer's queue. Sent to the queue rather than published:
    /// a published event would also reach every other test host of the run's broker.
    /// </summary>
    public async Task<string> CloseRoundAsync(string roundId)
    {
        var messageId = NewId.NextGuid();
        var bus = _app!.Services.GetRequiredService<IBus>();
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{Queue}" + (_temporaryQueues ? "?temporary=true" : string.Empty)));
        await endpoint.Send(new SurveyRoundClosed(roundId, "ops-test", 2025, DateTimeOffset.UtcNow), c => c.MessageId = messageId);
        return messageId.ToString("N");
    }

    /// <summary>Closes a round while its consumer is defective and waits until the failure is listed.</summary>
    public async Task<FailedMessageSummary> FailAsync(string roundId)
    {
        Closing.Break(roundId);
        var messageId = await CloseRoundAsync(roundId);
        using var client = Client(TestAuth.Operator());
        return await Eventually.ValueAsync(
            async () => (await client.GetFromJsonAsync<List<FailedMessageSummary>>("/api/v1/ops/failures"))!.SingleOrDefault(f => f.MessageId == messageId),
            TimeSpan.FromSeconds(60), $"the failure of {roundId} was not listed");
    }
}

/// <summary>
/// The host with durable queues, as in production: the error queue of a temporary endpoint is locked to the
/// service's own connection, so only a durable one can be read from outside as an operator would.
/// Its queues are deleted when it stops.
/// </summary>
public sealed class DurableOperationsHost() : OperationsHost(temporaryQueues: false);
