using VisionEHalsa.Platform.Bench;

// Started by `./platform bench [--quick | --soak [--minutes N]]` once the platform runs on a throw-away data folder.
// The measurements print one table and write it as JSON to bench/results/<timestamp>.json and bench/results/latest.json;
// the soak prints start, peak and end per process with a verdict and writes its series to bench/results/soak-<timestamp>.json.
var options = BenchOptions.Parse(args);
if (options.Soak)
{
    return await SoakRun.RunAsync(options);
}

var (table, document, failures) = await BenchRun.RunAsync(options);
table.Print(Console.Out);
var written = BenchRun.Write(document, options.ResultsDirectory);
Console.WriteLine($"\nWritten to {written} and {Path.Combine(options.ResultsDirectory, "latest.json")}");

// The table is written either way; a measurement the platform failed makes the run fail too.
return failures.Count == 0 ? 0 : 1;
