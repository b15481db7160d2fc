namespace VisionEHalsa.Deployment.Tests;

public sealed class DockerfileTests
{
    [Theory]
    [MemberData(nameof(PlatformProcesses.Names), MemberType = typeof(PlatformProcesses))]
    public void The_Dockerfile_builds_with_the_SDK_and_runs_on_the_ASP_NET_runtime_alone(string name)
    {
        var stages = Dockerfile.Read(PlatformProcesses.Named(name).Dockerfile);
        var final = stages[^1];
        var builders = stages.SkipLast(1).ToList();

        Assert.Contains(builders, s => s.BaseImage.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal) && s.All("RUN").Any(r => r.Arguments.Contains("publish")));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", final.BaseImage);
        Assert.Empty(final.All("RUN"));
        var copiedFrom = final.All("COPY").SelectMany(c => c.Flags).Where(f => f.StartsWith("--from=", StringComparison.Ordinal)).Select(f => f["--from=".Length..]);
        Assert.Contains(copiedFrom, from => builders.Any(b => b.Name == from));
    }

    [Theory]
    [MemberData(nameof(PlatformProcesses.Names), MemberType = typeof(PlatformProcesses))]
    public void The_Dockerfile_runs_the_process_as_a_non_root_user(string name)
    {
        var final = Dockerfile.Read(PlatformProcesses.Named(name).Dockerfile)[^1];
        var user = Assert.Single(final.All("USER")).Arguments.Single();
        var uid = user.Split(':')[0];
        // $APP_UID is the .NET images' non-root user (1654), the runAsUser of the Kubernetes manifests.
        Assert.True(uid is "$APP_UID" or "${APP_UID}" || (int.TryParse(uid, out var number) && number > 0) || (!int.TryParse(uid, out _) && uid != "root"),
            $"{name} runs as {user}");
    }

    [Theory]
    [MemberData(nameof(PlatformProcesses.Names), MemberType = typeof(PlatformProcesses))]
    public void The_Dockerfile_publishes_and_starts_the_process_s_own_project(string name)
    {
        var process = PlatformProcesses.Named(name);
        var stages = Dockerfile.Read(process.Dockerfile);
        var project = $"{process.ProjectFolder}/{process.AssemblyName}.csproj";

        Assert.True(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, project)), $"{project} does not exist");
        Assert.Contains(stages.SelectMany(s => s.All("RUN")), r => r.Arguments.Contains("publish") && r.Arguments.Contains(project));
        Assert.Equal(new[] { "dotnet", $"{process.AssemblyName}.dll" }, Assert.Single(stages[^1].All("ENTRYPOINT")).Arguments);
    }

    [Theory]
    [MemberData(nameof(PlatformProcesses.Names), MemberType = typeof(PlatformProcesses))]
    public void Everything_the_Dockerfile_copies_from_the_repository_exists(string name)
    {
        var copies = Dockerfile.Read(PlatformProcesses.Named(name).Dockerfile)
            .SelectMany(s => s.All("COPY"))
            .Where(c => !c.Flags.Any(f => f.StartsWith("--from=", StringComparison.Ordinal)));
        var missing = copies.SelectMany(c => c.Arguments.SkipLast(1))
            .Where(source => !File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, source)) && !Directory.Exists(Path.Combine(TestEnvironment.RepositoryRoot, source)));
        Assert.Empty(missing);
    }
}
