using System.Diagnostics;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Storage.Tests;

/// <summary>What the embedded adapter adds to the contract: group commit, recovery from a failing disk, shared files.</summary>
public sealed class LiteDbAdapterTests
{
    public sealed record Item(string Id, string Kind, int Number);

    private static string NewFile(string name) => Path.Combine(TestEnvironment.NewDataDirectory("litedb-" + name), name + ".db");

    [Fact]
    public async Task Many_concurrent_writes_are_all_stored_and_read_back_after_reopening()
    {
        var file = NewFile("group");
        using (var store = new LiteDbDocumentStore(file))
        {
            var items = store.Collection<Item>("items");
            var inserted = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
                Task.Run(() => items.TryInsertAsync("item-" + i, new Item("item-" + i, i % 2 == 0 ? "even" : "odd", i)))));
            Assert.All(inserted, Assert.True);
        }

        using var reopened = new LiteDbDocumentStore(file);
        var again = reopened.Collection<Item>("items");
        Assert.Equal(250, await again.CountAsync(Query.Where("kind", "even")));
        Assert.Equal(499, (await again.GetAsync("item-499"))!.Number);
    }

    [Fact]
    public async Task A_duplicate_in_a_group_is_refused_alone_and_the_other_writes_of_the_group_are_kept()
    {
        using var store = new LiteDbDocumentStore(NewFile("duplicates"));
        var items = store.Collection<Item>("items");
        // Every id twice, all at once: each pair has exactly one winner, whichever group the two land in.
        var attempts = Enumerable.Range(0, 200).Select(i => "item-" + (i % 100)).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(id => Task.Run(() => items.TryInsertAsync(id, new Item(id, "x", 1)))));
        Assert.Equal(100, outcomes.Count(won => won));
        Assert.Equal(100, await items.CountAsync(Query.Where("kind", "x")));
    }

    [Fact]
    public async Task A_write_that_fails_inside_a_group_fails_alone()
    {
        using var store = new LiteDbDocumentStore(NewFile("failing"));
        var items = store.Collection<Item>("items");
        await items.TryInsertAsync("existing", new Item("existing", "x", 1));
        var writes = Enumerable.Range(0, 50).Select(i => Task.Run(() => items.TryInsertAsync("new-" + i, new Item("new-" + i, "y", i)))).ToList();
        // An index on a field whose values are arrays fails in LiteDB; it shares a group with the inserts above.
        var failing = Task.Run(() => items.EnsureIndexAsync("kind=bad"));
        await Assert.ThrowsAnyAsync<Exception>(() => failing);
        Assert.All(await Task.WhenAll(writes), Assert.True);
        Assert.Equal(50, await items.CountAsync(Query.Where("kind", "y")));
    }

    [ImmutableFilesFact]
    public async Task A_disk_that_refuses_writes_holds_the_writes_under_way_refuses_new_ones_and_recovers_by_itself()
    {
        var file = NewFile("readonly");
        using var store = new LiteDbDocumentStore(file);
        var items = store.Collection<Item>("items");
        Assert.True(await items.TryInsertAsync("before", new Item("before", "x", 1)));

        Task<bool> underWay;
        using (Immutable.Make(Directory.GetFiles(Path.GetDirectoryName(file)!)))
        {
            underWay = Task.Run(() => items.TryInsertAsync("under-way", new Item("under-way", "x", 2)));
            await WaitUntilAsync(async () => await Throws<StoreUnavailableException>(() => store.PingAsync()));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => items.TryInsertAsync("refused", new Item("refused", "x", 3)));
            Assert.False(underWay.IsCompleted);
        }

        Assert.True(await underWay.WaitAsync(TimeSpan.FromSeconds(30)));
        await store.PingAsync();
        Assert.True(await items.TryInsertAsync("after", new Item("after", "x", 4)));
        Assert.NotNull(await items.GetAsync("before"));
        Assert.NotNull(await items.GetAsync("under-way"));
        Assert.Null(await items.GetAsync("refused"));
        Assert.NotNull(await items.GetAsync("after"));
    }

    [Fact]
    public async Task A_file_another_process_holds_locked_is_unavailable_until_it_is_released()
    {
        var file = NewFile("locked");
        using (var first = new LiteDbDocumentStore(file))
        {
            await first.Collection<Item>("items").TryInsertAsync("first", new Item("first", "x", 1));
            using var second = new LiteDbDocumentStore(file);
            await Assert.ThrowsAsync<StoreUnavailableException>(() => second.PingAsync());
        }

        using var reopened = new LiteDbDocumentStore(file);
        await reopened.PingAsync();
        Assert.NotNull(await reopened.Collection<Item>("items").GetAsync("first"));
    }

    private static async Task<bool> Throws<TException>(Func<Task> action) where TException : Exception
    {
        try
        {
            await action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 20 s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Two_stores_in_shared_mode_see_each_others_writes_and_never_both_win_an_id()
    {
        var file = NewFile("shared");
        using var first = new LiteDbDocumentStore(file, shared: true);
        using var second = new LiteDbDocumentStore(file, shared: true);
        var a = first.Collection<Item>("items");
        var b = second.Collection<Item>("items");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).TryInsertAsync("item-" + (i / 2), new Item("item-" + (i / 2), "s", i)))));

        Assert.Equal(20, outcomes.Count(won => won));
        Assert.Equal(20, await b.CountAsync(Query.Where("kind", "s")));
        Assert.Equal(20, await a.CountAsync(Query.Where("kind", "s")));
        Assert.Equal("litedb-shared", first.Kind);
    }

    /// <summary><c>chattr +i</c>: writes through descriptors already open fail with EPERM, as on a disk remounted read-only.</summary>
    internal static class Immutable
    {
        /// <summary>Root, chattr, and a file system that keeps the flag (ext4 does, tmpfs does not).</summary>
        public static bool Available { get; } = Probe();

        private static bool Probe()
        {
            try
            {
                var probe = Path.Combine(TestEnvironment.NewDataDirectory("chattr-probe"), "probe");
                File.WriteAllText(probe, "x");
                using var set = Process.Start(new ProcessStartInfo("chattr", ["+i", probe]) { RedirectStandardError = true });
                set!.WaitForExit();
                using var unset = Process.Start(new ProcessStartInfo("chattr", ["-i", probe]) { RedirectStandardError = true });
                unset!.WaitForExit();
                return set.ExitCode == 0 && unset.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false; // no chattr on this machine
            }
        }

        public static IDisposable Make(IReadOnlyList<string> files)
        {
            Chattr("+i", files);
            return new Undo(() => Chattr("-i", files));
        }

        private static void Chattr(string flag, IReadOnlyList<string> files)
        {
            using var process = Process.Start("chattr", [flag, .. files]);
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
        }

        private sealed class Undo(Action undo) : IDisposable
        {
            public void Dispose() => undo();
        }
    }
}

/// <summary>Skipped, with the reason, where files cannot be made immutable (not root, no chattr, tmpfs).</summary>
public sealed class ImmutableFilesFactAttribute : FactAttribute
{
    public ImmutableFilesFactAttribute()
    {
        if (!LiteDbAdapterTests.Immutable.Available)
        {
            Skip = "chattr +i is not possible here (needs root and a file system such as ext4): the failing-disk test was skipped.";
        }
    }
}
