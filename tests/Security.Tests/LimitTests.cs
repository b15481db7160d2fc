using System.Net;
using System.Text;

namespace VisionEHalsa.Security.Tests;

/// <summary>API4 (unrestricted resource consumption) and API8 (misconfiguration): rates, body sizes and what errors show.</summary>
[Collection(SecuredPlatformCollection.Name)]
public sealed class LimitTests(SecuredPlatform platform)
{
    private Uri Tight => platform.Processes.Address(SecuredPlatform.TightGateway);

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after_and_other_clients_do_not()
    {
        using var stockholm = SecuredPlatform.Client(Tight, await platform.TokenAsync("stockholm"));
        using var kansli = SecuredPlatform.Client(Tight, await platform.TokenAsync("kansli"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => stockholm.GetAsync("/api/v1/strategy")));
        var other = await kansli.GetAsync("/api/v1/strategy");

        var limited = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // Fifteen at once against five a second: at least five over, even when they straddle two windows.
        Assert.InRange(limited.Count, 5, 15);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After"));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Token_requests_over_the_rate_get_429_before_any_secret_is_checked()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await SecuredPlatform.RequestTokenAsync(Tight, "kansli", "guess-" + i));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        Assert.True(answers[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_body_larger_than_its_route_takes_gets_413_at_the_gateway_and_at_the_service()
    {
        var big = "{\"answers\":{\"TEXT\":\"" + new string('x', 300 * 1024) + "\"}}";
        var path = $"/api/v1/rounds/{platform.RoundId}/responses/{SecuredPlatform.OwnOrganisation}";
        using var gateway = await platform.ThroughGatewayAsync("stockholm");
        using var survey = await platform.DirectAsync("survey", "stockholm");

        var atGateway = await gateway.PutAsync(path, SecuredPlatform.Json(big));
        var atService = await survey.PutAsync(path, SecuredPlatform.Json(big));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge), (atGateway.StatusCode, atService.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await survey.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task An_import_takes_up_to_20_MB_through_the_gateway_and_no_more()
    {
        using var gateway = await platform.ThroughGatewayAsync("kansli");
        var path = $"/api/v1/rounds/{platform.RoundId}/responses/import?dryRun=true";
        var csv = new StringBuilder("organisationId,DIGPLAN,PERSRES,KVAL_LS,SAKID,SAKID_HSL,NPO,ETJ_EKB,ETJ_BU,AUTO_EKB,MOBDOK_HT,STRUKDOK,NATT_KAM_AO,NATT_KAM_FH,TILLSYN_DAG_FH,GPS_LARM\n");
        while (csv.Length < 21 * 1024 * 1024)
        {
            csv.Append("kommun:0180,true,true,false,false,true,true,true,true,false,true,true,true,false,false,true\n");
        }

        // Expect: 100-continue, as a careful client sends a large upload: the gateway refuses it before a byte of it travels.
        var upload = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new("text/csv") } } };
        upload.Headers.ExpectContinue = true;
        var tooLarge = await gateway.SendAsync(upload);
        var small = await gateway.PostAsync(path, new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString(0, 300 * 1024))) { Headers = { ContentType = new("text/csv") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        // Larger than a JSON body may be, well within the import's limit: it reaches the import, which reads it.
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, small.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, small.StatusCode);
    }

    [Fact]
    public async Task Faulty_requests_are_answered_with_problem_details_and_never_a_stack_trace()
    {
        var faults = new List<string>();
        var writes = EndpointTable.All.Where(c => c.Endpoint.Method is "POST" or "PUT" && c.Endpoint.Process != "gateway").ToList();
        foreach (var endpoint in writes)
        {
            using var client = await platform.DirectAsync(endpoint.Endpoint.Process, "admin");
            var path = Probe.PathFor(endpoint, platform.RoundId, SecuredPlatform.OwnOrganisation);
            foreach (var body in new[] { "{\"answers\":", "[[[[", "{\"id\":1e999}", "\u0000" })
            {
                var request = new HttpRequestMessage(new HttpMethod(endpoint.Endpoint.Method), path) { Content = SecuredPlatform.Json(body) };
                var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
                {
                    faults.Add($"{endpoint.Endpoint} with {body}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                }
            }
        }

        using var anonymous = SecuredPlatform.Client(platform.Gateway, null);
        var token = await anonymous.PostAsync("/connect/token", new StringContent("grant_type=client_credentials&client_id=%ZZ", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var tokenText = await token.Content.ReadAsStringAsync();
        Assert.True((int)token.StatusCode is >= 400 and < 500 && !tokenText.Contains("   at ", StringComparison.Ordinal), tokenText);
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }
}
