using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VisionEHalsa.Gateway.Tests;

/// <summary>Getting tokens from the gateway under test, as a client would.</summary>
public static class Tokens
{
    public static async Task<HttpResponseMessage> RequestAsync(HttpClient client, string clientId, string secret) =>
        await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    public static async Task<string> OfAsync<T>(WebApplicationFactory<T> factory, string clientId, string secret) where T : class
    {
        var response = await RequestAsync(factory.CreateClient(), clientId, secret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public static HttpClient ClientWith<T>(WebApplicationFactory<T> factory, string token) where T : class
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
