namespace VisionEHalsa.Platform.Bench;

/// <summary>
/// Where the running platform is and how much to measure. <c>./platform bench</c> passes the addresses of the
/// processes it started; <c>--quick</c> keeps every section but measures less, to finish in well under 3 minutes.
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
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
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
