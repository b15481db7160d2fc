using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using VisionEHalsa.Gateway.Tokens;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Gateway.Tests;

/// <summary>The gateway in-process with the test signing key and a clients file of its own.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public static readonly ClientDefinition Kansli = new("kansli-test", "kansli-secret-" + Guid.NewGuid().ToString("N"), "kansli", null);
    public static readonly ClientDefinition Stockholm = new("stockholm-test", "sthlm-secret-" + Guid.NewGuid().ToString("N"), "partner", "kommun:0180");

    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var clientsFile = Path.Combine(TestEnvironment.NewDataDirectory("gateway"), "clients.json");
        File.WriteAllText(clientsFile, JsonSerializer.Serialize(new[] { Kansli, Stockholm }, JsonSerializerOptions.Web));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Auth:SigningKeyPath", TestAuth.SigningKeyPath);
        builder.UseSetting("Auth:PublicKeyPath", TestAuth.PublicKeyPath);
        builder.UseSetting("Auth:ClientsFile", clientsFile);
        // Nothing listens here: a request that passes the gateway's checks ends in 502, which is what these tests tell apart.
        foreach (var service in new[] { "survey", "indicator", "strategy", "reporting" })
        {
            builder.UseSetting($"Services:{service}", "http://127.0.0.1:9");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
