namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// Where the running platform is and how much to measure. <c>./platform bench</c> passes the addresses of the
/// processes it started; <c>--quick</c> keeps every section but measures less, to finish in under 3 minutes;
/// <c>--soak [--minutes N]</c> runs a steady load instead and watches the processes' resources.
/// </summary>
public sealed record BenchOptions(
    bool Quick,
    Uri Gateway,
    Uri Survey,
    Uri Reporting,
    string ClientsFile,
    string PidsDirectory,
    string ResultsDirectory,
    string RepositoryRoot)
{
    /// <summary>The five processes' own addresses (for their <c>/metrics</c>), by process name; those not passed are absent.</summary>
    public IReadOnlyDictionary<string, Uri> Processes { get; init; } = new Dictionary<string, Uri>();

    /// <summary>A steady load and a resource series instead of the measurements (<c>--soak</c>).</summary>
    public bool Soak { get; init; }

    public TimeSpan SoakDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Responses per second the soak sends through the gateway, evenly spread.</summary>
    public int SoakRate { get; init; } = 30;

    /// <summary>Seconds between two samples of every process in the soak.</summary>
    public int SoakSampleSeconds { get; init; } = 10;

    /// <summary>Repetitions of the 290-response freshness run (a new round and year each).</summary>
    public int SmallRepetitions { get; init; } = 7;

    /// <summary>Repetitions of the large freshness run, as many as fit in <see cref="LargeBudget"/> (at least one).</summary>
    public int LargeRepetitions { get; init; } = 5;

    /// <summary>A 29,000-response round takes minutes to submit at today's throughput, so its repetitions stop at this budget.</summary>
    public TimeSpan LargeBudget { get; init; } = TimeSpan.FromMinutes(12);

    /// <summary>Versions per kommun in the large run: 100 × 290 = 29,000 responses.</summary>
    public int LargeCorrections { get; init; } = 100;

    /// <summary>Requests per throughput measurement, and how many times each (target, clients) pair is measured.</summary>
    public int ThroughputRequests { get; init; } = 1000;

    public int ThroughputRepetitions { get; init; } = 2;

    /// <summary>Timed runs per report format, after one warm-up rendering of all four.</summary>
    public int RenderRuns { get; init; } = 7;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var (quick, soak) = (false, false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i] == "--soak")
            {
                soak = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        string Required(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"--{name} is required (./platform bench passes it).");
        int Number(string name, int full, int fast) => values.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : quick ? fast : full;

        var root = values.GetValueOrDefault("repo") ?? RepositoryRootOf(AppContext.BaseDirectory);
        return new BenchOptions(
            quick,
            new Uri(Required("gateway")),
            new Uri(Required("survey")),
            new Uri(Required("reporting")),
            Required("clients"),
            Required("pids"),
            values.GetValueOrDefault("results") ?? Path.Combine(root, "bench", "results"),
            root)
        {
            SmallRepetitions = Number("small-repetitions", 7, 2),
            LargeRepetitions = Number("large-repetitions", 5, 1),
            LargeCorrections = Number("large-corrections", 100, 2),
            LargeBudget = TimeSpan.FromMinutes(Number("large-budget-minutes", 12, 2)),
            ThroughputRequests = Number("throughput-requests", 1000, 150),
            ThroughputRepetitions = Number("throughput-repetitions", 2, 1),
            RenderRuns = Number("render-runs", 7, 3),
            Processes = ProcessWatch.Names.Where(values.ContainsKey).ToDictionary(n => n, n => new Uri(values[n])),
            Soak = soak,
            SoakDuration = TimeSpan.FromMinutes(Number("minutes", 30, 30)),
            SoakRate = Number("rate", 30, 30),
            SoakSampleSeconds = Number("sample-seconds", 10, 10),
        };
    }

    private static string RepositoryRootOf(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
