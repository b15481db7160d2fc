using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VisionEHalsa.Chaos.Tests;

/// <summary>One PUT the stream sends: its organisation, answers and Idempotency-Key, and what came of it.</summary>
public sealed class Submission(int index, string organisationId, Dictionary<string, object> answers, bool valid)
{
    public int Index => index;

    public string OrganisationId => organisationId;

    public Dictionary<string, object> Answers => answers;

    /// <summary>False for the few the stream sends with a wrong answer on purpose: each must get a 422 that names it.</summary>
    public bool Valid => valid;

    public string IdempotencyKey { get; } = Guid.NewGuid().ToString("N");

    public int Attempts { get; set; }

    /// <summary>The version of the receipt, when the platform accepted it.</summary>
    public int? Version { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>A final refusal: status and problem title (never retried: the client would have to change the request).</summary>
    public string? Refusal { get; set; }

    /// <summary>Transient answers on the way to the outcome (connection refused, 502, 503 ...), by kind.</summary>
    public List<string> Retried { get; } = [];

    public bool Accepted => Version is not null;

    public bool Unknown => Version is null && Refusal is null;
}

/// <summary>
/// A steady stream of PUTs through the gateway from a few concurrent senders, each paced. A connection error, a
/// timeout, 502/503/504, 429 or a 409 "still being processed" is repeated after a short pause with the same
/// Idempotency-Key, as a client should; anything else is final.
/// </summary>
public sealed class SubmissionStream(HttpClient client, string roundId, IReadOnlyList<Submission> plan)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(120);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    /// <summary>However the platform behaves, the stream ends: what has no outcome by then is lost, and the test says so.</summary>
    private static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(240);

    private readonly System.Diagnostics.Stopwatch _running = System.Diagnostics.Stopwatch.StartNew();

    private readonly ConcurrentQueue<Submission> _queue = new(plan);
    private int _done;

    public int Senders { get; init; } = 6;

    public IReadOnlyList<Submission> Plan => plan;

    public int Done => Volatile.Read(ref _done);

    /// <summary>Completes when every planned submission has an outcome (or was given up as unknown).</summary>
    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync)));

    /// <summary>Waits until this many submissions have an outcome, so a fault strikes mid-burst.</summary>
    public async Task ReachAsync(int count)
    {
        while (Done < count && _running.Elapsed < StreamDeadline)
        {
            await Task.Delay(20);
        }
    }

    private async Task SendAsync()
    {
        while (_running.Elapsed < StreamDeadline && _queue.TryDequeue(out var submission))
        {
            await SubmitAsync(submission);
            Interlocked.Increment(ref _done);
            await Task.Delay(Pause);
        }
    }

    private async Task SubmitAsync(Submission submission)
    {
        var since = Stopwatch.StartNew();
        var backoff = TimeSpan.FromMilliseconds(200);
        while (since.Elapsed < GiveUpAfter && _running.Elapsed < StreamDeadline)
        {
            submission.Attempts++;
            var retry = await AttemptAsync(submission);
            if (retry is null)
            {
                return;
            }

            submission.Retried.Add(retry);
            await Task.Delay(backoff);
            backoff = TimeSpan.FromMilliseconds(Math.Min(2000, backoff.TotalMilliseconds * 1.5));
        }
    }

    /// <summary>Null when the outcome is final; otherwise why the request is repeated.</summary>
    private async Task<string?> AttemptAsync(Submission submission)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rounds/{roundId}/responses/{submission.OrganisationId}")
        {
            Content = JsonContent.Create(new { answers = submission.Answers }),
        };
        request.Headers.Add("Idempotency-Key", submission.IdempotencyKey);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            return "connection: " + (e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException)
        {
            return "client timeout";
        }

        using (response)
        {
            var body = await ReadAsync(response);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                submission.Version = body.GetProperty("version").GetInt32();
                submission.AcceptedAt = DateTimeOffset.UtcNow;
                return null;
            }

            var title = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var stillProcessing = status == 409 && detail?.Contains("still being processed", StringComparison.Ordinal) == true;
            if (status is 502 or 503 or 504 or 429 || stillProcessing)
            {
                return $"{status} {title ?? response.ReasonPhrase}";
            }

            submission.Refusal = $"{status} {title ?? "(no problem details)"}";
            return null;
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync();
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            return default;
        }
    }
}
