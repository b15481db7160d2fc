using System.Diagnostics;

namespace VisionEHalsa.EndToEnd.Tests;

/// <summary>Stops and starts the test run's RabbitMQ application (the node keeps its data: durable queues survive).</summary>
public static class Broker
{
    private static string Node =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_RABBIT_NODE")
        ?? throw new InvalidOperationException("PLATFORM_TEST_RABBIT_NODE is not set: run the tests with ./platform test.");

    public static Task StopAsync() => RabbitCtlAsync("stop_app");

    public static Task StartAsync() => RabbitCtlAsync("start_app");

    private static async Task RabbitCtlAsync(string command)
    {
        var start = new ProcessStartInfo("rabbitmqctl", ["-q", "-n", Node, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }
}

public static class Pdf
{
    /// <summary>The text of a PDF as poppler's pdftotext extracts it, in reading order with white space folded (a wrapped table cell reads as one line).</summary>
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
