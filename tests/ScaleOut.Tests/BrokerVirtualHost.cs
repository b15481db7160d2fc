using System.Diagnostics;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.ScaleOut.Tests;

/// <summary>
/// A virtual host of its own on the test run's RabbitMQ node, for processes that must not see any other process's
/// events: exchanges are named after the message type, so every host on one virtual host receives every event.
/// Made and removed with <c>rabbitmqctl</c> on <c>PLATFORM_TEST_RABBIT_NODE</c>.
/// </summary>
public sealed class BrokerVirtualHost : IAsyncDisposable
{
    private BrokerVirtualHost(string name) => Name = name;

    public string Name { get; }

    /// <summary>The run's <see cref="TestEnvironment.RabbitUri"/> pointed at this virtual host.</summary>
    public string Uri => new UriBuilder(TestEnvironment.RabbitUri) { Path = "/" + System.Uri.EscapeDataString(Name) }.Uri.ToString();

    public static async Task<BrokerVirtualHost> CreateAsync(string prefix)
    {
        var host = new BrokerVirtualHost($"{prefix}-{Guid.NewGuid().ToString("N")[..8]}");
        var user = new System.Uri(TestEnvironment.RabbitUri).UserInfo.Split(':')[0] is { Length: > 0 } u ? System.Uri.UnescapeDataString(u) : "guest";
        await RabbitCtlAsync("add_vhost", host.Name);
        await RabbitCtlAsync("set_permissions", "-p", host.Name, user, ".*", ".*", ".*");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RabbitCtlAsync("delete_vhost", Name);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // A leftover virtual host costs nothing but its name; the test's outcome stands.
        }
    }

    private static string Node =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_RABBIT_NODE")
        ?? throw new InvalidOperationException("PLATFORM_TEST_RABBIT_NODE is not set: run the tests with ./platform test.");

    private static async Task RabbitCtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl", ["-q", "-n", Node, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await error}");
        }
    }
}
