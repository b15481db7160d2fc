using LiteDB;

namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>
/// The LiteDB file of one service, opened on first use rather than at start-up, so a file another process holds
/// locked, or a disk that is not there yet, makes the service unready (503) instead of ending it. After an I/O
/// error LiteDB closes its engine for good; the file is then opened again on the next use, so the service recovers
/// by itself once the disk does. A disk that refuses writes is waited out (<see cref="PatientFileStream"/>).
/// </summary>
internal sealed class LiteDbFile : IDisposable
{
    private readonly ConnectionString _connection;
    private readonly Lock _reopen = new();
    private LiteDatabase? _database;
    private readonly List<Stream> _streams = [];
    private bool _disposed;

    public LiteDbFile(string fileName, bool shared)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(fileName))!);
        // Shared: several processes on one file, each operation under a machine-wide mutex (LiteDB's shared mode).
        _connection = new ConnectionString { Filename = fileName, Connection = shared ? ConnectionType.Shared : ConnectionType.Direct };
    }

    public string FileName => _connection.Filename;

    public bool Shared => _connection.Connection == ConnectionType.Shared;

    public DiskStall Stall { get; } = new();

    /// <summary>The database, opened again if an earlier fault closed it.</summary>
    public LiteDatabase Current
    {
        get
        {
            var database = Volatile.Read(ref _database);
            if (database is not null)
            {
                return database;
            }

            lock (_reopen)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_database is null)
                {
                    try
                    {
                        _database = Open();
                    }
                    catch (Exception e) when (IsStoreFault(e))
                    {
                        throw Unavailable(e);
                    }
                }

                return _database;
            }
        }
    }

    private LiteDatabase Open()
    {
        if (Shared)
        {
            return new LiteDatabase(_connection);
        }

        // The data file exclusively (no second process may write it); the log beside it, named as LiteDB names it.
        var log = Path.Combine(Path.GetDirectoryName(FileName)!, Path.GetFileNameWithoutExtension(FileName) + "-log" + Path.GetExtension(FileName));
        var data = PatientFileStream.Open(FileName, Stall, FileShare.None);
        try
        {
            var logStream = PatientFileStream.Open(log, Stall, FileShare.None);
            _streams.AddRange([data, logStream]);
            return new LiteDatabase(data, BsonMapper.Global, logStream);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Refuses at once while the disk refuses writes: better a quick 503 than a request waiting on the disk.</summary>
    public void ThrowIfStalled()
    {
        if (Stall.IsStalled)
        {
            throw new StoreUnavailableException(
                $"The store ({Path.GetFileName(FileName)}) cannot write to its disk at the moment ({Stall.Reason}); nothing was changed.");
        }
    }

    /// <summary>
    /// Runs a read. A store fault is a 503; when it shows the engine closed, the writer opens the file again before
    /// its next group (never a reader: the writer may be inside a transaction on that very database).
    /// </summary>
    /// <summary>
    /// Held by every read and by the writer for each group: one thread in the engine at a time. LiteDB 5.0.20's page
    /// cache can hand a reader a page buffer that another thread is recycling when the cache grows (litedb-org/LiteDB
    /// #2817: "share counter must be &gt; 0 in Release()", then every call fails, or garbage reads). Measured: a
    /// benchmark run with large edition files hit it within a minute; no release with the fix is published.
    /// </summary>
    public Lock Engine { get; } = new();

    public T Read<T>(Func<LiteDatabase, T> read)
    {
        ThrowIfStalled();
        var database = Current;
        try
        {
            lock (Engine)
            {
                return read(database);
            }
        }
        catch (Exception e) when (IsStoreFault(e))
        {
            if (IsBroken(e))
            {
                ReopenRequested = true;
            }

            throw Unavailable(e);
        }
    }

    /// <summary>A reader found the engine closed; the writer thread reopens the file before its next group.</summary>
    public volatile bool ReopenRequested;

    /// <summary>Forgets <paramref name="database"/> after a fault; called by the writer thread only, between transactions.</summary>
    public void Discard(LiteDatabase database)
    {
        ReopenRequested = false;
        lock (_reopen)
        {
            if (!ReferenceEquals(_database, database))
            {
                return;
            }

            _database = null;
        }

        try
        {
            lock (Engine)
            {
                database.Dispose();
            }
        }
        catch (Exception e) when (IsStoreFault(e))
        {
            // Closing a database whose disk failed may fail too; what it had not committed is lost either way.
        }

        CloseStreams();
    }

    private void CloseStreams()
    {
        lock (_reopen)
        {
            foreach (var stream in _streams)
            {
                stream.Dispose();
            }

            _streams.Clear();
        }
    }

    public StoreUnavailableException Unavailable(Exception cause) =>
        new($"The store ({Path.GetFileName(FileName)}) cannot be written or read at the moment: {cause.Message}", cause);

    /// <summary>Faults after which LiteDB's engine is closed for good and the file must be opened again.</summary>
    public static bool IsBroken(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException or ObjectDisposedException => true,
        LiteException lite => lite.ErrorCode is LiteException.INVALID_DATAFILE_STATE or LiteException.ENGINE_DISPOSED
            or LiteException.DATABASE_SHUTDOWN || lite.InnerException is IOException or UnauthorizedAccessException,
        _ => false,
    };

    /// <summary>Faults of the disk or of the engine's state (a 503), as opposed to a wrong operation (a duplicate key, say).</summary>
    public static bool IsStoreFault(Exception e) => e switch
    {
        StoreUnavailableException => false,
        IOException or UnauthorizedAccessException or ObjectDisposedException => true,
        LiteException lite => lite.ErrorCode is LiteException.INVALID_DATAFILE_STATE or LiteException.LOCK_TIMEOUT
            or LiteException.ENGINE_DISPOSED or LiteException.DATABASE_SHUTDOWN or LiteException.ALREADY_OPEN_DATAFILE
            || lite.InnerException is IOException or UnauthorizedAccessException,
        _ => false,
    };

    public void Dispose()
    {
        lock (_reopen)
        {
            _disposed = true;
            Stall.Closing = true;
            var database = _database;
            _database = null;
            database?.Dispose();
            CloseStreams();
        }
    }
}
