namespace WeatherFlow.Hosting.Testing;

/// <summary>The AppHost's builder, taken over by a test: add to it, then build and start the app yourself.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder, IAsyncDisposable
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
