using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VisionEHalsa.ServiceDefaults.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// MongoDB when <c>MONGODB_URI</c> is set (database named after the service), otherwise LiteDB:
    /// one file per service under <c>Platform:DataDirectory</c> (default <c>.local/data</c>). With
    /// <c>Storage:LiteDb:Shared</c> several processes may share that file (replicas on one machine); across machines,
    /// replicas share a MongoDB database instead.
    /// </summary>
    public static IServiceCollection AddDocumentStore(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddSingleton<IDocumentStore>(_ => CreateStore(configuration, serviceName));
        return services;
    }

    public static IDocumentStore CreateStore(IConfiguration configuration, string serviceName)
    {
        var mongo = configuration["MONGODB_URI"];
        if (!string.IsNullOrWhiteSpace(mongo))
        {
            return new MongoDocumentStore(mongo, configuration["Platform:DatabaseName"] ?? serviceName);
        }

        var directory = configuration["Platform:DataDirectory"] ?? Path.Combine(".local", "data");
        var shared = configuration.GetValue("Storage:LiteDb:Shared", false);
        return new LiteDbDocumentStore(Path.Combine(directory, serviceName + ".db"), shared);
    }
}
