using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Operations.Tests;

/// <summary>Looks at queues the way an operator would with the broker's own tools, bypassing MassTransit.</summary>
public static class Broker
{
    /// <summary>Takes the next message off <paramref name="queue"/>; null when it is empty or does not exist.</summary>
    public static async Task<BasicGetResult?> TakeAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Messages ready on <paramref name="queue"/> (not those a consumer holds).</summary>
    public static async Task<uint> ReadyAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    /// <summary>Removes queues and their exchanges of the same name, as MassTransit declares them for an endpoint.</summary>
    public static async Task DeleteAsync(params string[] names)
    {
        await using var connection = await ConnectAsync();
        foreach (var name in names)
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }

    private static Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = new Uri(TestEnvironment.RabbitUri) }.CreateConnectionAsync();
}
