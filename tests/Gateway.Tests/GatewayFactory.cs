using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using VisionEHalsa.Gateway.Clients;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Gateway.Tests;

/// <summary>The gateway in-process with the test signing key, a clients file and a data folder of its own.</summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public static readonly ClientDefinition Kansli = new("kansli-test", "kansli-secret-" + Guid.NewGuid().ToString("N"), "kansli", null);
    public static readonly ClientDefinition Stockholm = new("stockholm-test", "sthlm-secret-" + Guid.NewGuid().ToString("N"), "partner", "kommun:0180");
    public static readonly ClientDefinition Admin = new("admin-test", "admin-secret-" + Guid.NewGuid().ToString("N"), "admin");
    public static readonly ClientDefinition Norrbotten = new("norrbotten-test", "nb-secret-" + Guid.NewGuid().ToString("N"), "partner",
        OrganisationIds: ["kommun:2584", "kommun:2580"]);

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Another factory on the same folder is the same gateway restarted.</summary>
    public string DataDirectory { get; init; } = TestEnvironment.NewDataDirectory("gateway");

    public List<ClientDefinition> Clients { get; } = [Kansli, Stockholm, Admin, Norrbotten];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var clientsFile = Path.Combine(DataDirectory, "clients.json");
        File.WriteAllText(clientsFile, JsonSerializer.Serialize(Clients, JsonSerializerOptions.Web));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Platform:DataDirectory", Path.Combine(DataDirectory, "data"));
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
