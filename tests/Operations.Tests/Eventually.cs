namespace VisionEHalsa.Operations.Tests;

public static class Eventually
{
    /// <summary>The first non-null value <paramref name="probe"/> gives within the timeout; fails the test otherwise.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string failure) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{failure} within {timeout.TotalSeconds:0} s");
        throw new TimeoutException(failure);
    }
}
