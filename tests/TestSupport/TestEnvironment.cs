namespace VisionEHalsa.TestSupport;

/// <summary>What the test run provides: <c>./platform test</c> starts one RabbitMQ node and exports its URI.</summary>
public static class TestEnvironment
{
    public static string RabbitUri =>
        Environment.GetEnvironmentVariable("RABBITMQ_URI")
        ?? throw new InvalidOperationException("RABBITMQ_URI is not set: run the tests with ./platform test, which starts a RabbitMQ node.");

    /// <summary>The MongoDB server to run the storage contract tests against, when there is one.</summary>
    public static string? MongoUri => Environment.GetEnvironmentVariable("MONGODB_URI") is { Length: > 0 } uri ? uri : null;

    /// <summary>The root of the repository (the folder holding Platform.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string NewDataDirectory(string name) =>
        Directory.CreateTempSubdirectory($"platform-test-{name}-").FullName;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
