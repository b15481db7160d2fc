namespace VisionEHalsa.Platform.Bench;

/// <summary>One process at one moment of the soak. The managed heap is null when the process's <c>/metrics</c> does not report it.</summary>
public sealed record ProcessSample(double WorkingSetMb, double? HeapMb, int OpenFiles, int Threads, double CpuSeconds);

public sealed record SoakSample(double ElapsedSeconds, DateTimeOffset At, long Accepted, IReadOnlyDictionary<string, ProcessSample> Processes);

/// <summary>A round of the soak: its responses go to the kommuner in turn, each pass a new version of every response.</summary>
public sealed class SoakRound(string id, int year, double openedAtSeconds)
{
    private long _sent;

    public string Id => id;

    public int Year => year;

    public double OpenedAtSeconds => openedAtSeconds;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The number of the response to send next in this round (0, 1, ...).</summary>
    public long Next() => Interlocked.Increment(ref _sent) - 1;
}

public sealed record SoakLoad(long Sent, long Accepted, long Skipped, IReadOnlyDictionary<string, int> Submissions, IReadOnlyDictionary<string, int> Downloads,
    IReadOnlyList<SoakRound> Rounds, object Tokens);

/// <summary>One measure of one process over the soak, with the thirds the verdict compares.</summary>
public sealed record SoakSummary(string Process, string Measure, string Unit, double Start, double Peak, double End, double MiddleThirdMax, double LastThirdMax, bool LevelsOff);

public sealed record SoakReport(string Benchmark, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, double Minutes, int RatePerSecond, int SampleSeconds,
    string? LoadAverageBefore, string? LoadAverageAfter, string Rule, string Verdict, SoakLoad Load, IReadOnlyList<SoakSummary> Summary,
    IReadOnlyList<SoakSample> Samples);
