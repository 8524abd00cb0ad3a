namespace WeatherFlow.Hosting.Tests.Infrastructure;

/// <summary>A small app model of its own for a failure test: throw-away state, random ports, fast data settings.</summary>
public sealed class TestAppHost : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("weatherflow-hosting-tests-").FullName;
    private DistributedApplication? _app;

    public TestAppHost(params string[] args)
    {
        Builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args =
            [
                $"--AppHost:StateDirectory={_stateDirectory}",
                "--AppHost:RandomizePorts=true",
                "--AppHost:EphemeralData=true",
                "--AppHost:EchoResourceOutput=false",
                .. args,
            ],
        });
    }

    public IDistributedApplicationBuilder Builder { get; }

    public DistributedApplication App => _app ??= Builder.Build();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
