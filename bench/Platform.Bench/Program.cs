using VisionEHalsa.Platform.Bench;

// Started by `./platform bench [--quick]` once the platform runs on a throw-away data folder: measures, prints one
// table and writes it as JSON to bench/results/<timestamp>.json and bench/results/latest.json.
var options = BenchOptions.Parse(args);
var (table, document, failures) = await BenchRun.RunAsync(options);
table.Print(Console.Out);
var written = BenchRun.Write(document, options.ResultsDirectory);
Console.WriteLine($"\nWritten to {written} and {Path.Combine(options.ResultsDirectory, "latest.json")}");

// The table is written either way; a measurement the platform failed makes the run fail too.
return failures.Count == 0 ? 0 : 1;
