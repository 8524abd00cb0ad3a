namespace WeatherFlow.TestSupport;

/// <summary>Waits for a condition by asking again until it holds: the one way tests wait for what they cannot be
/// told about, in place of sleeps of a guessed length.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Asks until <paramref name="done"/> holds for the answer, and returns that answer; fails when
    /// <paramref name="cancellationToken"/> (the test's timeout) is cancelled first.</summary>
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> ask, Func<T, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await ask(cancellationToken);
            if (done(answer))
            {
                return answer;
            }
            await Task.Delay(Interval, cancellationToken);
        }
    }

    public static Task UntilAsync(Func<CancellationToken, Task<bool>> condition, CancellationToken cancellationToken) =>
        UntilAsync(condition, holds => holds, cancellationToken);
}
