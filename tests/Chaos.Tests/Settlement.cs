using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.Chaos.Tests;

/// <summary>What the checks after a fault found; every list empty and <see cref="Converged"/> set means the platform kept its word.</summary>
public sealed class SettlementFindings
{
    public List<string> Lost { get; } = [];

    public List<string> StoredWrong { get; } = [];

    /// <summary>Receipts whose version the survey does not list: accepted, then lost.</summary>
    public int MissingReceipts;

    public List<string> NotActionable { get; } = [];

    public List<string> StuckMessages { get; } = [];

    public List<string> Failures { get; } = [];

    /// <summary>Seconds from the end of the fault until the latest edition equalled the recomputation; null when it never did.</summary>
    public double? Converged { get; set; }

    public double? ConvergedAfterLastReceipt { get; set; }

    public string? LastPublished { get; set; }
}

/// <summary>The checks after a fault: nothing lost, everything stored once, the edition right, nothing stuck.</summary>
public sealed class Settlement(ChaosPlatform platform, HttpClient kansli, ChaosRound round, IReadOnlyList<Submission> submissions)
{
    public TimeSpan ConvergenceTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public async Task<SettlementFindings> CheckAsync(Stopwatch sinceFaultEnded, DateTimeOffset faultStarted)
    {
        var findings = new SettlementFindings();
        foreach (var lost in submissions.Where(s => s.Unknown))
        {
            findings.Lost.Add($"#{lost.Index} {lost.OrganisationId}: no outcome after {lost.Attempts} attempts ({string.Join("; ", lost.Retried.Distinct())})");
        }

        foreach (var refused in submissions.Where(s => s.Refusal is not null))
        {
            // A refusal the client can act on: a 4xx with a problem title, and only for what was wrong on purpose.
            if (refused.Valid || !refused.Refusal!.StartsWith("422 ", StringComparison.Ordinal))
            {
                findings.NotActionable.Add($"#{refused.Index} {refused.OrganisationId} ({(refused.Valid ? "valid" : "invalid")}): {refused.Refusal}");
            }
        }

        foreach (var invalid in submissions.Where(s => !s.Valid && s.Accepted))
        {
            findings.NotActionable.Add($"#{invalid.Index} {invalid.OrganisationId}: invalid answers were accepted as version {invalid.Version}");
        }

        await ConvergeAsync(findings, sinceFaultEnded);
        await CheckStoredAsync(findings);
        await CheckOutboxesAsync(findings);
        await CheckFailuresAsync(findings, faultStarted);
        return findings;
    }

    /// <summary>Polls the year's latest CSV until riket's numbers equal those recomputed from the latest receipt of every kommun.</summary>
    public async Task ConvergeAsync(SettlementFindings findings, Stopwatch sinceFaultEnded)
    {
        var expected = round.Expected(submissions);
        var lastReceipt = submissions.Where(s => s.AcceptedAt is not null).Max(s => s.AcceptedAt!.Value);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ConvergenceTimeout)
        {
            var published = await round.PublishedAsync();
            if (published is not null)
            {
                findings.LastPublished = Describe(published);
                if (expected.All(e => published.TryGetValue(e.Key, out var p) && p == e.Value))
                {
                    findings.Converged = sinceFaultEnded.Elapsed.TotalSeconds;
                    findings.ConvergedAfterLastReceipt = Math.Max(0, (DateTimeOffset.UtcNow - lastReceipt).TotalSeconds);
                    return;
                }
            }

            await Task.Delay(100);
        }

        findings.LastPublished = $"expected {Describe(expected)}, last published {findings.LastPublished ?? "nothing"}";
    }

    /// <summary>Every receipt's version is stored once, no version is stored that got no receipt, and the latest holds the answers sent.</summary>
    private async Task CheckStoredAsync(SettlementFindings findings)
    {
        // Every organisation the stream sent for, also those with no receipt: a version stored without one is a loss too.
        var byOrganisation = submissions.GroupBy(s => s.OrganisationId).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await CompareStoredAsync(findings, byOrganisation, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            findings.StoredWrong.Add("the survey did not list the stored versions within 90 s");
        }
    }

    private async Task CompareStoredAsync(SettlementFindings findings, List<IGrouping<string, Submission>> byOrganisation, CancellationToken cancel)
    {
        await Parallel.ForEachAsync(byOrganisation, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancel }, async (group, ct) =>
        {
            var organisation = group.Key;
            var receipts = group.Where(s => s.Accepted).Select(s => s.Version!.Value).Order().ToList();
            var versions = await GetAsync<List<JsonElement>>($"/api/v1/rounds/{round.RoundId}/responses/{organisation}/versions", ct);
            var stored = versions.Select(v => v.GetProperty("version").GetInt32()).Order().ToList();
            if (!stored.SequenceEqual(receipts))
            {
                Interlocked.Add(ref findings.MissingReceipts, receipts.Except(stored).Count());
                lock (findings)
                {
                    findings.StoredWrong.Add($"{organisation}: receipts for versions [{string.Join(",", receipts)}], stored [{string.Join(",", stored)}]");
                }

                return;
            }

            if (receipts.Count == 0)
            {
                return;
            }

            var latest = group.Where(s => s.Accepted).MaxBy(s => s.Version)!;
            var view = await GetAsync<JsonElement>($"/api/v1/rounds/{round.RoundId}/responses/{organisation}", ct);
            var answers = view.GetProperty("answers");
            var same = latest.Answers.All(a => answers.TryGetProperty(a.Key, out var value) && value.ToString() == Text(a.Value));
            if (view.GetProperty("version").GetInt32() != latest.Version || !same)
            {
                lock (findings)
                {
                    findings.StoredWrong.Add($"{organisation}: latest stored is version {view.GetProperty("version")} {answers}, the latest receipt was {latest.Version} for {JsonSerializer.Serialize(latest.Answers)}");
                }
            }
        });
    }

    /// <summary>Every relay's backlog reaches 0: each accepted event was confirmed by the broker.</summary>
    public async Task CheckOutboxesAsync(SettlementFindings findings, params string[] only)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        List<string> waiting = [];
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            waiting = [];
            foreach (var service in only.Length > 0 ? only : ChaosPlatform.Services)
            {
                string metrics;
                try
                {
                    metrics = await http.GetStringAsync(new Uri(platform.Running.Address(service), "/metrics"));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    waiting.Add($"{service}: /metrics did not answer ({e.GetType().Name})");
                    continue;
                }

                foreach (var line in metrics.Split('\n').Where(l => l.StartsWith("platform_outbox_backlog", StringComparison.Ordinal)))
                {
                    var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                    if (value != 0)
                    {
                        waiting.Add($"{service}: {line.Trim()}");
                    }
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        findings.StuckMessages.AddRange(waiting);
    }

    /// <summary>Messages that went to an error queue since the fault began, as the operators' overview lists them.</summary>
    private async Task CheckFailuresAsync(SettlementFindings findings, DateTimeOffset faultStarted)
    {
        using var operations = await platform.OperatorAsync();
        var overview = await operations.GetFromJsonAsync<JsonElement>("/api/v1/ops/failures");
        foreach (var service in overview.GetProperty("unavailable").EnumerateArray())
        {
            findings.Failures.Add($"{service.GetString()} did not list its failed messages");
        }

        foreach (var failure in overview.GetProperty("failures").EnumerateArray())
        {
            if (failure.GetProperty("lastAttempt").GetDateTimeOffset() >= faultStarted)
            {
                findings.Failures.Add($"{failure.GetProperty("service")}: {failure.GetProperty("messageType")} {failure.GetProperty("error")} ({failure.GetProperty("status")}, {failure.GetProperty("attempts")} attempts)");
            }
        }
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await kansli.GetAsync(path, ct);
                if (response.IsSuccessStatusCode || attempt == 5)
                {
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<T>(ct))!;
                }
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                // The gateway or the survey may still be warming up after a restart.
            }

            await Task.Delay(500, ct);
        }
    }

    private static string Text(object value) => value switch
    {
        bool b => b ? "True" : "False",
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string Describe(IReadOnlyDictionary<string, (int Numerator, int Denominator)> values) =>
        string.Join(", ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key.Split('_')[0]} {v.Value.Numerator}/{v.Value.Denominator}"));
}
