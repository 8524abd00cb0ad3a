using System.Globalization;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// PostgreSQL from Debian's package, run directly (no pg_ctl) on loopback with its socket in the data directory.
/// The cluster is created once with the generated password; postgres refuses to run as root, so root runs it as the
/// postgres user.
/// </summary>
internal sealed class PostgresRunner(PostgresServerResource resource, RunnerContext context) : ServerRunner<PostgresServerResource>(resource, context)
{
    private const string SystemUser = "postgres";

    private string Binary(string name) => Path.Combine(Context.Binaries.PostgresDirectory, name);

    private static string? RunAsUser => Environment.IsPrivilegedProcess ? SystemUser : null;

    public override IEnumerable<ServerBinary> RequiredBinaries =>
        [new(Server.Name, Binary("postgres"), "postgresql"), new(Server.Name, Binary("initdb"), "postgresql")];

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var directory = Context.State.SubDirectory("postgres", Server.Name);
        var dataDirectory = Path.Combine(directory, "data");
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeClusterAsync(directory, dataDirectory, cancellationToken);
        }
        List<string> arguments = ["-D", dataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-k", dataDirectory];
        if (Context.EphemeralData)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "full_page_writes=off"]);
        }
        // SIGINT is postgres's "fast" shutdown; SIGTERM would wait for every client to disconnect.
        ReportUnexpectedExit(StartProcess(new ProcessSpec(Server.Name, Binary("postgres"), arguments)
        {
            RunAsUser = RunAsUser,
            WorkingDirectory = directory,
            StopSignal = PosixSignals.SIGINT,
        }));
    }

    /// <summary>Tests restart databases and expect committed rows to survive; a fast shutdown takes well under a second.</summary>
    protected override bool KillWhenDataIsEphemeral => false;

    protected override Task<bool> ProbeAsync(string connectionString, CancellationToken cancellationToken) =>
        HealthProbes.PostgresAsync(connectionString, cancellationToken);

    private async Task InitializeClusterAsync(string directory, string dataDirectory, CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataDirectory))
        {
            // A half-made cluster from an interrupted first start: initdb refuses a non-empty directory.
            Directory.Delete(dataDirectory, recursive: true);
        }
        var passwordFile = Path.Combine(directory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, Server.PasswordParameter.Value, cancellationToken);
        try
        {
            if (RunAsUser is { } user)
            {
                await FileOwnership.GiveAsync(directory, user, cancellationToken);
            }
            var initdb = StartProcess(new ProcessSpec(Server.Name, Binary("initdb"),
                ["-D", dataDirectory, "-U", PostgresServerResource.UserName, "--pwfile", passwordFile,
                 "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "-N"])
            {
                RunAsUser = RunAsUser,
                WorkingDirectory = directory,
            });
            var exitCode = await initdb.Exited.WaitAsync(cancellationToken);
            Forget(initdb);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException($"initdb failed with exit code {exitCode}; its output is above.");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
