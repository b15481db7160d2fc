using VisionEHalsa.Indicator.Bench;

// A full recalculation as the recalculator runs it (the 30 definitions, parsed once per process; the answers as
// stored, decoded on every run; every level) against the floor, per round size.
var results = Recalculation.Run([290, 2_900, 29_000], Catalogue.Definitions());
Recalculation.Print(results);
Recalculation.Write(results, args.FirstOrDefault() ?? Recalculation.DefaultOutput());
