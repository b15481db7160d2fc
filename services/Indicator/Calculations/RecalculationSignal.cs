namespace VisionEHalsa.Indicator.Calculations;

/// <summary>Wakes the recalculator after a round was marked dirty instead of waiting for its next look.</summary>
public sealed class RecalculationSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up covers every round marked before it.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>Bound from the <c>Recalculation</c> section.</summary>
public sealed class RecalculationOptions
{
    /// <summary>The quiet time a dirty round waits for, so that a burst of responses makes one recalculation, not one each.</summary>
    public int DebounceMilliseconds { get; set; } = 200;

    /// <summary>The longest a dirty round waits while responses keep arriving, so a long burst still shows progress.</summary>
    public int MaxDelayMilliseconds { get; set; } = 2000;

    /// <summary>How often dirty rounds are looked for when nothing wakes the recalculator.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// How long a replica's claim on a round lasts: longer than any recalculation takes. Only when a replica dies
    /// mid-recalculation does another wait this long before recalculating the round itself.
    /// </summary>
    public int ClaimSeconds { get; set; } = 30;
}
