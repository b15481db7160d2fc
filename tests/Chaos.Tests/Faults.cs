using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.Chaos.Tests;

/// <summary>Stops and starts the test run's RabbitMQ application (the node keeps its data: durable queues survive).</summary>
public static class Broker
{
    private static string Node =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_RABBIT_NODE")
        ?? throw new InvalidOperationException("PLATFORM_TEST_RABBIT_NODE is not set: run the tests with ./platform test.");

    public static Task StopAsync() => Tool.RunAsync("rabbitmqctl", ["-q", "-n", Node, "stop_app"], erlang: true);

    public static Task StartAsync() => Tool.RunAsync("rabbitmqctl", ["-q", "-n", Node, "start_app"], erlang: true);

    /// <summary>Drops every message waiting in the queue: what a consumer that holds them without acknowledging looks like to the others.</summary>
    public static Task PurgeAsync(string queue) => Tool.RunAsync("rabbitmqctl", ["-q", "-n", Node, "purge_queue", queue], erlang: true);
}

/// <summary>
/// Makes a process's LiteDB files immutable (<c>chattr +i</c>): writes through the descriptors it already holds fail
/// with EPERM, as on a disk gone read-only, until <c>chattr -i</c>.
/// </summary>
public static class StoreLock
{
    /// <summary>Why the fault cannot run here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 })
        {
            return "MONGODB_URI is set: the services use MongoDB, whose files this suite does not lock";
        }

        var probe = Path.Combine(Path.GetTempPath(), $"chattr-probe-{Guid.NewGuid():N}");
        File.WriteAllText(probe, "probe");
        try
        {
            Tool.RunAsync("chattr", ["+i", probe]).GetAwaiter().GetResult();
            Tool.RunAsync("chattr", ["-i", probe]).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e)
        {
            return $"chattr cannot make a file immutable on this machine ({e.Message.Split('\n')[0]})";
        }
        finally
        {
            try { File.Delete(probe); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public static Task LockAsync(IEnumerable<string> files) => Tool.RunAsync("chattr", ["+i", .. files]);

    public static Task UnlockAsync(IEnumerable<string> files) => Tool.RunAsync("chattr", ["-i", .. files]);
}

/// <summary>
/// What a relay does after a crash between the broker's confirm and marking the document relayed: publishes it
/// again. Done for every submitted version of a round at once, directly in the stopped survey's LiteDB file.
/// </summary>
public static class Outbox
{
    /// <param name="organisationId">Only this organisation's versions, when given.</param>
    public static async Task<int> MarkUnrelayedAsync(string dataDirectory, string roundId, string? organisationId = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:DataDirectory"] = dataDirectory,
        }).Build();
        var store = StorageExtensions.CreateStore(configuration, "survey");
        try
        {
            var versions = store.Collection<OutboxEntry>("responses");
            var count = 0;
            var query = Query.Where("roundId", roundId).And("relayed", true);
            foreach (var version in await versions.FindAsync(organisationId is null ? query : query.And("organisationId", organisationId)))
            {
                if ((version.Status is null or "submitted") && await versions.SetFieldAsync(version.Id, "relayed", false))
                {
                    count++;
                }
            }

            return count;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>The fields of a stored response version this needs; the rest of the document is left as it is.</summary>
    public sealed record OutboxEntry(string Id, string RoundId, bool Relayed, string? Status);
}

internal static class Tool
{
    public static async Task RunAsync(string tool, string[] arguments, bool erlang = false)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (erlang)
        {
            start.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {await error}");
        }
    }
}
