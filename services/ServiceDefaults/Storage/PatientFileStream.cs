using System.Diagnostics;

namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>
/// A LiteDB file that waits out a disk that refuses writes (remounted read-only, full, made immutable) instead of
/// failing: LiteDB writes its log on a background thread and does not recover from an error there, so an error would
/// leave the database half-closed with its callers waiting for ever. Here the write is tried again until the disk takes
/// it; meanwhile <see cref="DiskStall"/> says so, and the store refuses new writes with a 503 rather than queue them.
/// </summary>
internal sealed class PatientFileStream(FileStream inner, DiskStall stall) : Stream
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static PatientFileStream Open(string path, DiskStall stall, FileShare share)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, bufferSize: 0, FileOptions.RandomAccess);
        // A page cut short by a crash is dropped, as LiteDB does when it opens a file itself.
        if (stream.Length % PageSize != 0)
        {
            stream.SetLength(stream.Length - stream.Length % PageSize);
        }

        return new PatientFileStream(stream, stall);
    }

    private const int PageSize = 8192;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count)
    {
        var position = inner.Position;
        Patiently(() =>
        {
            inner.Position = position;
            // Unbuffered (bufferSize 0): a refusing disk shows here, where the write can be tried again.
            inner.Write(buffer, offset, count);
        });
    }

    public override void SetLength(long value) => Patiently(() => inner.SetLength(value));

    /// <summary>LiteDB calls this after its writes; it is the point where they reach the disk.</summary>
    public override void Flush() => Patiently(() => inner.Flush(flushToDisk: true));

    private void Patiently(Action write)
    {
        var since = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                write();
                stall.Cleared();
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && !stall.Closing)
            {
                stall.Stalled(since, e);
                Thread.Sleep(Pause);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Whether the disk under a LiteDB file is refusing writes at the moment, and since when.</summary>
internal sealed class DiskStall
{
    private long _since;
    private string? _reason;

    /// <summary>Set while the store is being disposed: a stalled write then gives up rather than hold the shutdown.</summary>
    public volatile bool Closing;

    public bool IsStalled => Interlocked.Read(ref _since) != 0;

    public string Reason => _reason ?? "the disk refuses writes";

    public TimeSpan StalledFor => IsStalled ? Stopwatch.GetElapsedTime(Interlocked.Read(ref _since)) : TimeSpan.Zero;

    public void Stalled(long since, Exception cause)
    {
        _reason = cause.Message;
        Interlocked.CompareExchange(ref _since, since, 0);
    }

    public void Cleared() => Interlocked.Exchange(ref _since, 0);
}
