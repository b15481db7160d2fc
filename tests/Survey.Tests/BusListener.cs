using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Survey.Tests;

/// <summary>A temporary queue on the run's RabbitMQ that collects the ResponseSubmitted events of one round.</summary>
internal sealed class BusListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<ResponseSubmitted> _received = new();
    private HostReceiveEndpointHandle? _handle;

    public IReadOnlyCollection<ResponseSubmitted> Received => _received;

    public static async Task<BusListener> StartAsync(SurveyService service, string roundId)
    {
        var listener = new BusListener();
        var bus = service.Services.GetRequiredService<IBus>();
        listener._handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), DefaultEndpointNameFormatter.Instance, endpoint =>
            endpoint.Handler<ResponseSubmitted>(context =>
            {
                if (context.Message.RoundId == roundId)
                {
                    listener._received.Enqueue(context.Message);
                }

                return Task.CompletedTask;
            }));
        await listener._handle.Ready;
        return listener;
    }

    public async Task<bool> WaitForAsync(Func<IReadOnlyCollection<ResponseSubmitted>, bool> done, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!done(_received) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return done(_received);
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }
    }
}
