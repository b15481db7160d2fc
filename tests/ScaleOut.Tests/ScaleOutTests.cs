using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace VisionEHalsa.ScaleOut.Tests;

/// <summary>
/// Two indicator and two reporting processes, each kind on one store and one set of queues, against one of each:
/// two platforms side by side, each on a broker virtual host of its own, get the same burst at the same time. The
/// single platform's final edition is what one instance of each produces from these responses.
/// </summary>
public sealed class ScaleOutTests(ScaleOutPlatforms platforms, ITestOutputHelper output) : IClassFixture<ScaleOutPlatforms>
{
    private const int Senders = 16;
    private const int Year = 2025;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Longer than the recalculator's and regenerator's debounce and poll, so a late edition would show.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Two_instances_of_each_consumer_give_the_final_edition_of_one_instance_with_unique_edition_numbers()
    {
        using var scaled = await platforms.Scaled.KansliAsync();
        using var single = await platforms.Single.KansliAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var (scaledRound, singleRound) = (new ScaleOutRound(scaled, Year, id), new ScaleOutRound(single, Year, id));
        await Task.WhenAll(scaledRound.CreateAsync(), singleRound.CreateAsync());
        var kommuner = await scaledRound.KommunerAsync();
        Assert.Equal(290, kommuner.Count);
        Assert.Equal(kommuner, await singleRound.KommunerAsync());

        // The burst, on both platforms at once: every kommun's first response, then the corrections, each from 16
        // concurrent senders; the corrections start while the first responses are still being recalculated.
        var burst = Stopwatch.StartNew();
        var corrected = Enumerable.Range(0, kommuner.Count).Where(ScaleOutRound.IsCorrected).ToList();
        await Task.WhenAll(new[] { (scaled, scaledRound), (single, singleRound) }.Select(async p =>
        {
            await Burst.SendAsync(p.Item1, p.Item2.RoundId, kommuner.Select((k, i) => new Submission(k, ScaleOutRound.FirstAnswers(i))), Senders);
            await Burst.SendAsync(p.Item1, p.Item2.RoundId, corrected.Select(i => new Submission(kommuner[i], ScaleOutRound.Correction(i))), Senders);
        }));
        output.WriteLine($"{kommuner.Count} responses and {corrected.Count} corrections accepted on both platforms in {burst.ElapsedMilliseconds} ms");

        // Final: every kommun's row shows its last answers, and the national rows count them.
        var expected = new Dictionary<(string Indicator, string Area), double>
        {
            [(scaledRound.PlanIndicator, "SE")] = Enumerable.Range(0, kommuner.Count).Count(ScaleOutRound.HasPlan),
            [(scaledRound.AlarmIndicator, "SE")] = Enumerable.Range(0, kommuner.Count).Count(ScaleOutRound.HasAlarm),
        };
        for (var i = 0; i < kommuner.Count; i++)
        {
            expected[(scaledRound.PlanIndicator, kommuner[i])] = ScaleOutRound.HasPlan(i) ? 1 : 0;
            expected[(scaledRound.AlarmIndicator, kommuner[i])] = ScaleOutRound.HasAlarm(i) ? 1 : 0;
        }

        var settling = Stopwatch.StartNew();
        var finals = await Task.WhenAll(FinalCsvAsync(scaled, expected, "two instances"), FinalCsvAsync(single, expected, "one instance"));
        output.WriteLine($"both platforms' reports showed the final values {settling.ElapsedMilliseconds} ms after the burst");

        // Settled: nothing later, older or duplicated turns up once both have gone quiet.
        var scaledEditions = await EditionsAsync(scaled);
        var singleEditions = await EditionsAsync(single);
        await Task.Delay(Quiet);
        Assert.Equal(scaledEditions, await EditionsAsync(scaled));
        Assert.Equal(singleEditions, await EditionsAsync(single));
        Assert.Equal(finals[0], await CsvAsync(scaled));

        // The same final edition: every value of every area (the whole CSV), made from a calculation of the same
        // responses; and the same values from the indicator service.
        Assert.Equal(finals[1], finals[0]);
        var (singleValues, scaledValues) = (await ValuesAsync(single), await ValuesAsync(scaled));
        Assert.True(singleValues.SequenceEqual(scaledValues),
            $"{singleValues.Count} values of one instance, {scaledValues.Count} of two; first difference: " +
            string.Join(" | ", singleValues.Except(scaledValues).Take(1).Concat(scaledValues.Except(singleValues).Take(1))));

        // Edition numbers: unique, and 1..n without gaps (a number is only ever taken by inserting that edition);
        // no two editions from the same calculations and strategy.
        foreach (var (platform, editions) in new[] { ("two instances", scaledEditions), ("one instance", singleEditions) })
        {
            output.WriteLine($"{platform}: editions {string.Join(", ", editions.Select(e => e.Edition))}");
            Assert.Equal(Enumerable.Range(1, editions.Count).Reverse(), editions.Select(e => e.Edition));
            Assert.Equal(editions.Count, editions.Select(e => (e.CalculationIds, e.StrategyVersion)).Distinct().Count());
        }

        // Both indicator processes really took part: they competed for the responses.
        var consumed = new List<double>();
        foreach (var indicator in platforms.Scaled.Indicators)
        {
            consumed.Add(await platforms.Scaled.ConsumedAsync(indicator, "ResponseSubmitted"));
        }

        output.WriteLine($"ResponseSubmitted consumed by {string.Join(", ", platforms.Scaled.Indicators.Zip(consumed, (n, c) => $"{n}: {c}"))}");
        foreach (var reporting in platforms.Scaled.Reportings)
        {
            output.WriteLine($"IndicatorsRecalculated consumed by {reporting}: {await platforms.Scaled.ConsumedAsync(reporting, "IndicatorsRecalculated")}");
        }

        foreach (var platform in new[] { platforms.Scaled, platforms.Single })
        {
            foreach (var indicator in platform.Indicators)
            {
                var (count, sum) = (await platform.MetricAsync(indicator, "platform_recalculation_duration_milliseconds_count"),
                    await platform.MetricAsync(indicator, "platform_recalculation_duration_milliseconds_sum"));
                output.WriteLine($"{platform.Replicas} replica(s), {indicator}: {count} recalculations stored, {sum / Math.Max(1, count):F0} ms each on average");
            }
        }

        Assert.All(consumed, c => Assert.True(c > 0, "an indicator process consumed no response"));
        Assert.True(consumed.Sum() >= kommuner.Count + corrected.Count, $"only {consumed.Sum()} responses were consumed");
    }

    /// <summary>Polls the year's latest CSV until every expected numerator (national and per kommun) shows, with 290 nationally.</summary>
    private static async Task<string> FinalCsvAsync(HttpClient client, IReadOnlyDictionary<(string Indicator, string Area), double> expected, string platform)
    {
        var waited = Stopwatch.StartNew();
        var missing = expected.Count;
        while (waited.Elapsed < Patience)
        {
            var csv = await CsvAsync(client);
            var numerators = Rows(csv).Where(r => r[3] is "riket" or "organisation")
                .ToDictionary(r => (r[0], r[4]), r => (Numerator: double.Parse(r[7], CultureInfo.InvariantCulture), Denominator: r[8]));
            missing = expected.Count(e => !numerators.TryGetValue(e.Key, out var row) || row.Numerator != e.Value || e.Key.Area == "SE" && row.Denominator != "290");
            if (missing == 0)
            {
                return csv;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The report of the platform with {platform} never showed the final values: {missing} of {expected.Count} numerators differed at the end");
    }

    private static async Task<string> CsvAsync(HttpClient client)
    {
        var response = await client.GetAsync($"/api/v1/reports/{Year}/latest.csv");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : "";
    }

    /// <summary>The CSV's rows after the header (indicator, name, year, level, area, areaName, value, numerator, denominator, respondents, target).</summary>
    private static IEnumerable<string[]> Rows(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Fields).Where(f => f.Length >= 9);

    /// <summary>One RFC 4180 line: a quoted field may hold commas and doubled quotes.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') { quoted = !quoted; }
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else { field.Append(c); }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private sealed record EditionSeen(int Edition, string CalculationIds, int StrategyVersion);

    /// <summary>The year's editions, newest first, with what each was made from.</summary>
    private static async Task<List<EditionSeen>> EditionsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/reports?year={Year}"))!
            .Select(e => new EditionSeen(
                e.GetProperty("edition").GetInt32(),
                string.Join(' ', e.GetProperty("basedOn").GetProperty("calculationIds").EnumerateArray().Select(c => c.GetString())),
                e.GetProperty("basedOn").GetProperty("strategyVersion").GetInt32()))
            .ToList();

    /// <summary>The indicator service's values of the year, each as its JSON, in a fixed order.</summary>
    private static async Task<List<string>> ValuesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/indicators/values?year={Year}"))!
            .Select(v => v.GetRawText()).Order(StringComparer.Ordinal).ToList();
}
