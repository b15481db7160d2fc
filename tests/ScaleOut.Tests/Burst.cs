using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace VisionEHalsa.ScaleOut.Tests;

/// <summary>One PUT of a response: first answers or a correction, with the Idempotency-Key its retries repeat.</summary>
public sealed record Submission(string OrganisationId, Dictionary<string, object> Answers)
{
    public string IdempotencyKey { get; } = Guid.NewGuid().ToString("N");
}

/// <summary>
/// Sends submissions through the gateway from several concurrent senders as fast as they are answered. A 429,
/// 502, 503, 504 or a connection error is repeated with the same Idempotency-Key, as a client should; anything
/// but 200 after that fails the test.
/// </summary>
public static class Burst
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static Task SendAsync(HttpClient client, string roundId, IEnumerable<Submission> submissions, int senders)
    {
        var queue = new ConcurrentQueue<Submission>(submissions);
        return Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var submission))
            {
                await SubmitAsync(client, roundId, submission);
            }
        })));
    }

    private static async Task SubmitAsync(HttpClient client, string roundId, Submission submission)
    {
        var started = DateTime.UtcNow;
        var last = "";
        while (DateTime.UtcNow - started < GiveUpAfter)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rounds/{roundId}/responses/{submission.OrganisationId}")
            {
                Content = JsonContent.Create(new { answers = submission.Answers }),
            };
            request.Headers.Add("Idempotency-Key", submission.IdempotencyKey);
            try
            {
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if ((int)response.StatusCode is not (429 or 502 or 503 or 504))
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The response of {submission.OrganisationId} was not accepted: {last}");
    }
}
