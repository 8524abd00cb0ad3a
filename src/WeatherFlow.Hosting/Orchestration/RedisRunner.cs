using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>redis-server on loopback, its password and data directory in the state folder.</summary>
internal sealed class RedisRunner(RedisResource resource, RunnerContext context) : ServerRunner<RedisResource>(resource, context)
{
    private string ServerPath => Path.Combine(Context.Binaries.RedisDirectory, "redis-server");

    public override IEnumerable<ServerBinary> RequiredBinaries => [new(Server.Name, ServerPath, "redis-server")];

    protected override Task LaunchAsync(CancellationToken cancellationToken)
    {
        var directory = Context.State.SubDirectory("redis", Server.Name);
        var configFile = Path.Combine(directory, "redis.conf");
        // The password goes into a private file rather than onto the command line, where ps would show it.
        File.WriteAllLines(configFile,
        [
            $"port {Port}",
            "bind 127.0.0.1",
            $"requirepass \"{Server.PasswordParameter.Value}\"",
            $"dir \"{directory}\"",
            Context.EphemeralData ? "save \"\"" : "save 60 1",
            "appendonly no",
            "daemonize no",
        ]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        ReportUnexpectedExit(StartProcess(new ProcessSpec(Server.Name, ServerPath, [configFile])));
        return Task.CompletedTask;
    }

    protected override Task<bool> ProbeAsync(string connectionString, CancellationToken cancellationToken) =>
        HealthProbes.RedisAsync(connectionString, cancellationToken);
}
