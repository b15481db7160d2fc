using VisionEHalsa.Indicator.Bench;

// A full recalculation as the recalculator runs it (the 30 definitions, parsed once per process; the answers as
// stored, decoded on every run; every level) against the floor, per round size. Arguments: [output.json] [--quick]
// (--quick: shorter warm-up and fewer runs, for `./platform bench --quick`).
var quick = args.Contains("--quick");
var results = Recalculation.Run([290, 2_900, 29_000], Catalogue.Definitions(), quick);
Recalculation.Print(results);
Recalculation.Write(results, args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Recalculation.DefaultOutput());
