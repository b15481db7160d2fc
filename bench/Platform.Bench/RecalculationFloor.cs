using System.Diagnostics;
using System.Text.Json;

namespace VisionEHalsa.Platform.Bench;

public sealed record RecalculationResult(int Responses, int Indicators, int Values, double PlatformMs, double FloorMs, double FloorOverPlatform, int Runs);

/// <summary>
/// The recalculation benchmark of <c>bench/Indicator.Bench</c> (30 indicators, the platform's calculator against a
/// plain-loop floor that computes the same values), run as its own process so its timings share nothing with the load
/// generator; it writes its JSON where this tells it, and its figures are taken over as they are.
/// </summary>
public static class RecalculationFloor
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<RecalculationResult>> RunAsync(BenchOptions options, string workDirectory)
    {
        var dll = Path.Combine(options.RepositoryRoot, "bench", "Indicator.Bench", "bin", "Release", "net10.0", "Indicator.Bench.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build bench/Indicator.Bench in Release (./platform bench does).", dll);
        }

        var output = Path.Combine(workDirectory, "recalculation.json");
        var start = new ProcessStartInfo("dotnet", options.Quick ? [dll, output, "--quick"] : [dll, output]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Indicator.Bench.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Indicator.Bench did not finish within {Limit.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Indicator.Bench exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.WriteLine("  " + line);
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        return document.RootElement.GetProperty("results").Deserialize<List<RecalculationResult>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
