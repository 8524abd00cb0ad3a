namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>Something whose concrete value is known only in run mode (a port, a password, a connection string).</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}
