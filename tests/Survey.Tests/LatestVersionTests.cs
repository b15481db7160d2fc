using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Contracts;
using VisionEHalsa.Survey.Responses;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class LatestVersionTests(SurveyService service)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(33)]
    public async Task The_latest_version_is_found_whatever_the_number_of_versions(int versions)
    {
        var store = service.Services.GetRequiredService<ResponseStore>();
        var round = $"latest-{Guid.NewGuid():N}";
        for (var i = 0; i < versions; i++)
        {
            await store.AppendAsync(round, "kommun:0180", version => Version(round, "kommun:0180", version), CancellationToken.None);
        }

        // Another organisation's and another round's versions do not count.
        await store.AppendAsync(round, "kommun:0181", version => Version(round, "kommun:0181", version), CancellationToken.None);
        await store.AppendAsync(round + "-other", "kommun:0180", version => Version(round + "-other", "kommun:0180", version), CancellationToken.None);

        var latest = await store.LatestAsync(round, "kommun:0180", CancellationToken.None);

        Assert.Equal(versions == 0 ? null : versions, latest?.Version);
        Assert.Equal(versions, (await store.VersionsAsync(round, "kommun:0180", CancellationToken.None)).Count);
    }

    private static ResponseVersion Version(string round, string organisation, int version) => new(
        ResponseVersion.DocumentId(round, organisation, version), round, organisation, version, "q", 1, 2025,
        new OrganisationRef(organisation, "Kommun", "kommun", "01", "Stockholms län", "A1"), DateTimeOffset.UtcNow, "test",
        new Dictionary<string, JsonElement>(), IdempotencyKey: null, Relayed: true, TraceParent: null);
}
