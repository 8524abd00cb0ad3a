namespace WeatherFlow.Hosting.Tests.Infrastructure;

public static class Poll
{
    /// <summary>Waits until <paramref name="condition"/> holds, for things no notification announces (output lines).</summary>
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
