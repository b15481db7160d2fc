namespace VisionEHalsa.Reporting.Regeneration;

/// <summary>Wakes the regenerator as soon as a year is marked instead of at its next poll.</summary>
public sealed class RegenerationSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every mark before it.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    /// <summary>True when a year was marked since the regenerator last woke.</summary>
    public bool Pending => _signal.CurrentCount > 0;
}
