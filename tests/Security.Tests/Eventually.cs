namespace VisionEHalsa.Security.Tests;

public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string failure, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail(failure);
    }
}
