using Microsoft.Extensions.Configuration;

namespace WeatherFlow.Hosting.Testing;

/// <summary>
/// Gives the AppHost under test throw-away state, random ports below 32768 and the test's own configuration, and
/// captures its builder when <c>Main</c> calls <c>Build()</c>.
/// </summary>
internal sealed class EntryPointInterceptor(string stateDirectory, string[] args) : DistributedApplicationInterception.IInterceptor
{
    public TaskCompletionSource<DistributedApplicationBuilder> Captured { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnCreated(DistributedApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = stateDirectory,
            ["AppHost:RandomizePorts"] = "true",
            ["AppHost:EphemeralData"] = "true",
            ["AppHost:EchoResourceOutput"] = "false",
        });
        builder.Configuration.AddCommandLine(args);
    }

    public void OnBuilding(DistributedApplicationBuilder builder) => Captured.TrySetResult(builder);
}
