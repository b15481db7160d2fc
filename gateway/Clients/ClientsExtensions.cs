using Microsoft.Extensions.DependencyInjection.Extensions;
using VisionEHalsa.ServiceDefaults.Audit;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Clients;

public static class ClientsExtensions
{
    /// <summary>The client store, the import of the clients file, and the gateway's own check of disabled clients.</summary>
    public static WebApplicationBuilder AddClients(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClientStore>();
        services.AddSingleton<DisabledClients>();
        // Registered after the service defaults' own: the gateway answers from its store, not from a list it would poll.
        services.AddSingleton<IRevokedClients>(provider => provider.GetRequiredService<DisabledClients>());
        services.AddHostedService<ClientsFileImport>();
        // GET /api/v1/audit at the gateway merges every process's log instead of serving its own.
        services.Configure<AuditOptions>(o => o.MapListEndpoint = false);
        return builder;
    }
}

/// <summary>Imports the clients file before the gateway takes requests, so its clients can get tokens at once.</summary>
internal sealed class ClientsFileImport(ClientStore store, IConfiguration configuration, ILogger<ClientsFileImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.EnsureIndexesAsync(cancellationToken);
        var path = configuration["Auth:ClientsFile"];
        var clients = ClientsFile.Read(path);
        foreach (var client in clients)
        {
            await store.ImportAsync(client, cancellationToken);
        }

        if (clients.Count > 0)
        {
            logger.LogInformation("Imported {Count} clients from {Path}", clients.Count, path);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
