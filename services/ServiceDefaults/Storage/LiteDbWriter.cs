using System.Threading.Channels;
using LiteDB;

namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>
/// Every write of a service goes through one thread that commits the writes waiting at that moment as one transaction
/// (group commit) and then checkpoints, so the data is in the data file and flushed to the disk before any caller is
/// told it is stored. Under load, tens of writes share one flush; alone, a write costs what it cost before.
/// A write that fails inside a group (a duplicate key, say) makes LiteDB roll the group back; its writes are then
/// committed one by one, so each caller gets its own outcome.
/// </summary>
internal sealed class LiteDbWriter : IDisposable
{
    private const int MaxGroup = 256;

    private readonly LiteDbFile _file;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _thread;
    private volatile bool _failing;

    public LiteDbWriter(LiteDbFile file)
    {
        _file = file;
        _thread = new Thread(Run) { IsBackground = true, Name = "litedb-writer " + Path.GetFileName(file.FileName) };
        _thread.Start();
    }

    /// <summary>True after a group failed on a store fault, until a group commits again.</summary>
    public bool Failing => _failing;

    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> write)
    {
        _file.ThrowIfStalled();
        var pending = new Write<T>(write);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(LiteDbWriter), "The store is closing.");
        }

        return pending.Completion.Task;
    }

    private void Run()
    {
        var group = new List<Write>(MaxGroup);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            Commit(group);
        }
    }

    private void Commit(List<Write> group)
    {
        LiteDatabase database;
        try
        {
            database = _file.Current;
            if (_file.ReopenRequested)
            {
                _file.Discard(database);
                database = _file.Current;
            }
        }
        catch (StoreUnavailableException e)
        {
            Fail(group, e);
            return;
        }

        try
        {
            var results = new object?[group.Count];
            lock (_file.Engine)
            {
                database.BeginTrans();
                for (var i = 0; i < group.Count; i++)
                {
                    results[i] = group[i].Run(database);
                }

                database.Commit();
                database.Checkpoint();
            }

            _failing = false;
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Complete(results[i]);
            }
        }
        catch (Exception e) when (LiteDbFile.IsStoreFault(e))
        {
            if (LiteDbFile.IsBroken(e))
            {
                _file.Discard(database);
            }
            else
            {
                RollBack(database);
            }

            Fail(group, _file.Unavailable(e));
        }
        catch (Exception) when (group.Count > 1)
        {
            RollBack(database);
            foreach (var write in group)
            {
                Commit([write]);
            }
        }
        catch (Exception e)
        {
            RollBack(database);
            group[0].Fail(e);
        }
    }

    private void Fail(List<Write> group, StoreUnavailableException e)
    {
        _failing = true;
        foreach (var write in group)
        {
            write.Fail(e);
        }
    }

    private void RollBack(LiteDatabase database)
    {
        try
        {
            lock (_file.Engine)
            {
                database.Rollback();
            }
        }
        catch (LiteException)
        {
            // LiteDB has usually rolled the transaction back itself before the exception reached here.
        }
    }

    public void Dispose()
    {
        // A write waiting out a refusing disk gives up now, so that shutting down is not held by the disk.
        _file.Stall.Closing = true;
        _queue.Writer.TryComplete();
        _thread.Join(TimeSpan.FromSeconds(30));
    }

    private abstract class Write
    {
        public abstract object? Run(LiteDatabase database);

        public abstract void Complete(object? result);

        public abstract void Fail(Exception e);
    }

    private sealed class Write<T>(Func<LiteDatabase, T> write) : Write
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override object? Run(LiteDatabase database) => write(database);

        public override void Complete(object? result) => Completion.TrySetResult((T)result!);

        public override void Fail(Exception e) => Completion.TrySetException(e);
    }
}
