using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Storage.Tests;

/// <summary>
/// Readers beside a writer of large files, as the reporting service works under a burst: with LiteDB 5.0.20 reading
/// while another thread grows the page cache broke the engine ("share counter must be &gt; 0 in Release()",
/// litedb-org/LiteDB #2817); the adapter lets one thread into the engine at a time.
/// </summary>
public sealed class LiteDbConcurrencyTests
{
    public sealed record Item(string Id, string Kind, string Text);

    [Fact]
    public async Task Readers_beside_a_writer_of_large_files_get_what_was_written_and_no_fault()
    {
        using var store = new LiteDbDocumentStore(Path.Combine(TestEnvironment.NewDataDirectory("litedb-concurrency"), "concurrency.db"));
        var items = store.Collection<Item>("items");
        await items.EnsureIndexAsync("kind");
        var random = new Random(2817);
        var blobs = Enumerable.Range(0, 8).Select(i =>
        {
            var bytes = new byte[(i + 1) * 400_000];
            random.NextBytes(bytes);
            return bytes;
        }).ToArray();
        var text = new string('x', 50_000);
        using var stop = new CancellationTokenSource();
        var written = 0;

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < 10; n++)
            {
                var id = $"w{w}-{n}";
                await Task.WhenAll(
                    store.Files.SaveAsync(id, id + ".bin", "application/octet-stream", blobs[n % blobs.Length]),
                    items.UpsertAsync(id, new Item(id, "k" + (n % 5), text)));
                Interlocked.Increment(ref written);
            }
        })).ToList();
        var readers = Enumerable.Range(0, 6).Select(r => Task.Run(async () =>
        {
            var reads = 0;
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var id = $"w{n % 4}-{Math.Max(0, Volatile.Read(ref written) / 4 - 1 - n % 3)}";
                if (await store.Files.GetAsync(id) is { } file)
                {
                    Assert.Contains(file.Content.Length, blobs.Select(b => b.Length));
                    reads++;
                }

                Assert.All(await items.FindAsync(Query.Where("kind", "k" + (n % 5)).Take(20)), i => Assert.Equal(text, i.Text));
            }

            return reads;
        })).ToList();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        var reads = await Task.WhenAll(readers);

        Assert.Equal(40, written);
        Assert.Equal(40, (await items.FindAsync(Query.All)).Count);
        Assert.All(reads, r => Assert.True(r > 0));
    }
}
