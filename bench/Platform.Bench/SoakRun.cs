namespace VisionEHalsa.Platform.Bench;

public static class SoakRun
{
    /// <summary>The soak against the running platform; 0 when the platform took the load to the end, whatever the verdict on growth.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        using var api = await PlatformApi.ConnectAsync(options);
        await using var watch = new ProcessWatch(options.PidsDirectory);
        var kommuner = await api.KommunerAsync();
        var (report, healthy) = await new Soak(api, watch, kommuner, options).RunAsync();
        Soak.Print(report, Console.Out);
        var written = BenchRun.WriteJson(report, options.ResultsDirectory, "soak-");
        Console.WriteLine($"\nWritten to {written}");
        if (!healthy)
        {
            Console.WriteLine("The platform did not take the load: a process stopped, or fewer than 95 % of the responses sent were accepted.");
        }

        return healthy ? 0 : 1;
    }
}
