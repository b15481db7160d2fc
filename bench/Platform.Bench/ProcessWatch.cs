using System.Globalization;

namespace VisionEHalsa.Platform.Bench;

public sealed record ProcessMemory(string Process, int Pid, double PeakWorkingSetMb, double LargestSampledMb, double CpuSeconds, int MostThreads);

/// <summary>
/// The five processes as <c>/proc</c> shows them: resident memory sampled through the run and the kernel's own high-water
/// mark (VmHWM) at the end, CPU time, the most threads seen (a thread pool growing under load shows blocked threads),
/// and whether they have gone quiet after a burst.
/// </summary>
public sealed class ProcessWatch : IAsyncDisposable
{
    public static readonly string[] Names = ["survey", "indicator", "strategy", "reporting", "gateway"];
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly Dictionary<string, int> _pids;
    private readonly Dictionary<string, double> _largest = new();
    private readonly Dictionary<string, double> _threads = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ProcessWatch(string pidsDirectory)
    {
        _pids = Names.ToDictionary(n => n, n => int.Parse(File.ReadAllText(Path.Combine(pidsDirectory, n + ".pid")).Trim(), CultureInfo.InvariantCulture));
        foreach (var name in Names)
        {
            _largest[name] = 0;
            _threads[name] = 0;
        }

        _sampling = SampleAsync(_stop.Token);
    }

    public int Pid(string name) => _pids[name];

    /// <summary>Open file descriptors of a process (sockets, store files, pipes), 0 once it has gone.</summary>
    public static int OpenFiles(int pid)
    {
        try
        {
            return Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public static bool Alive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>CPU seconds each process has used so far; the difference of two readings is what a phase cost.</summary>
    public Dictionary<string, double> CpuSeconds() => Names.ToDictionary(n => n, n => Cpu(_pids[n]));

    /// <summary>
    /// Waits until the five together use less than a tenth of a core over a second (the pipeline has caught up with
    /// the last burst), at most <paramref name="limit"/>; returns how long it waited.
    /// </summary>
    public async Task<TimeSpan> WaitUntilQuietAsync(TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var before = CpuSeconds().Values.Sum();
        while (waited.Elapsed < limit)
        {
            await Task.Delay(1000);
            var now = CpuSeconds().Values.Sum();
            if (now - before < 0.1)
            {
                break;
            }

            before = now;
        }

        return waited.Elapsed;
    }

    public IReadOnlyList<ProcessMemory> Memory()
    {
        var cpu = CpuSeconds();
        return [.. Names.Select(n => new ProcessMemory(n, _pids[n], Math.Round(StatusKb(_pids[n], "VmHWM:") / 1024.0, 1),
            Math.Round(Math.Max(_largest[n], StatusKb(_pids[n], "VmRSS:")) / 1024.0, 1), Math.Round(cpu[n], 2),
            (int)Math.Max(_threads[n], StatusKb(_pids[n], "Threads:"))))];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            foreach (var name in Names)
            {
                _largest[name] = Math.Max(_largest[name], StatusKb(_pids[name], "VmRSS:"));
                _threads[name] = Math.Max(_threads[name], StatusKb(_pids[name], "Threads:"));
            }

            try
            {
                await Task.Delay(250, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A numeric field of <c>/proc/PID/status</c>: kB for memory fields, a count for <c>Threads:</c>.</summary>
    public static double StatusKb(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static double Cpu(int pid)
    {
        try
        {
            // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
