using System.Globalization;
using Xunit.Abstractions;

namespace VisionEHalsa.Chaos.Tests;

/// <summary>
/// One line per fault: requests sent, accepted, rejected with their reasons, lost, and seconds until the report
/// converged; written to the test output and appended to <c>$PLATFORM_CHAOS_REPORT_DIR/chaos.txt</c>, which
/// <c>./platform test</c> prints.
/// </summary>
public static class FaultReport
{
    public const string Header = "fault | sent | accepted | rejected (reasons) | lost | converged after (s) | retried on the way | outage (s)";

    private static readonly Lock Gate = new();

    public static string Line(string fault, IReadOnlyList<Submission> submissions, SettlementFindings findings, TimeSpan outage)
    {
        var accepted = submissions.Count(s => s.Accepted);
        var refusals = submissions.Where(s => s.Refusal is not null).ToList();
        var reasons = refusals.Count == 0 ? "" : " (" + string.Join(", ", refusals.GroupBy(s => s.Refusal).Select(g => $"{g.Count()}× {g.Key}")) + ")";
        var lost = submissions.Count(s => s.Unknown) + findings.MissingReceipts;
        var converged = findings.Converged is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{c:F1} ({findings.ConvergedAfterLastReceipt:F1} after the last receipt)")
            : "not converged";

        var retried = submissions.SelectMany(s => s.Retried).GroupBy(r => r).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()}× {g.Key}").ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{fault} | {submissions.Count} | {accepted} | {refusals.Count}{reasons} | {lost} | {converged} | {(retried.Count == 0 ? "none" : string.Join(", ", retried))} | {outage.TotalSeconds:F1}");
    }

    public static void Write(ITestOutputHelper output, string line, SettlementFindings findings)
    {
        output.WriteLine(Header);
        output.WriteLine(line);
        foreach (var (kind, items) in new[]
                 {
                     ("lost", findings.Lost), ("stored wrongly", findings.StoredWrong), ("refusals a client cannot act on", findings.NotActionable),
                     ("stuck in an outbox", findings.StuckMessages), ("failed messages", findings.Failures),
                 })
        {
            foreach (var item in items.Take(20))
            {
                output.WriteLine($"  {kind}: {item}");
            }
        }

        if (findings.Converged is null)
        {
            output.WriteLine($"  not converged: {findings.LastPublished}");
        }

        var folder = Environment.GetEnvironmentVariable("PLATFORM_CHAOS_REPORT_DIR");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "chaos.txt");
        lock (Gate)
        {
            if (!File.Exists(file))
            {
                File.WriteAllText(file, Header + Environment.NewLine);
            }

            File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
