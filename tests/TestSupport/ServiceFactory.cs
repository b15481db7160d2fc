using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VisionEHalsa.TestSupport;

/// <summary>
/// Hosts one service in the test process on its real adapters: a LiteDB file of its own, the run's
/// RabbitMQ node, and the test key for tokens.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    public string DataDirectory { get; } = TestEnvironment.NewDataDirectory(typeof(TProgram).Assembly.GetName().Name ?? "service");

    /// <summary>Extra settings a test class needs (e.g. another service's address).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Platform:DataDirectory", DataDirectory);
        builder.UseSetting("RABBITMQ_URI", TestEnvironment.RabbitUri);
        // Queues of this host alone, removed when it stops: every host sees every event it subscribes to.
        builder.UseSetting("Messaging:QueuePrefix", $"test-{Guid.NewGuid():N}"[..17]);
        builder.UseSetting("Messaging:TemporaryQueues", "true");
        builder.UseSetting("Auth:PublicKeyPath", TestAuth.PublicKeyPath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
