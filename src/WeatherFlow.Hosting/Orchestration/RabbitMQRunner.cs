using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// A private RabbitMQ node: its own node name, Erlang cookie (HOME), mnesia, config and epmd, all on loopback, so
/// that several can run side by side and none touches the system's. The broker is slow to boot (5–20 s).
/// </summary>
internal sealed class RabbitMQRunner(RabbitMQServerResource resource, RunnerContext context)
    : ServerRunner<RabbitMQServerResource>(resource, context)
{
    private string ServerPath => Path.Combine(Context.Binaries.RabbitMQDirectory, "rabbitmq-server");

    private string EpmdPath => Path.Combine(Context.Binaries.ErlangDirectory, "epmd");

    public override IEnumerable<ServerBinary> RequiredBinaries =>
        [new(Server.Name, ServerPath, "rabbitmq-server"), new(Server.Name, EpmdPath, "rabbitmq-server")];

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var directory = Context.State.SubDirectory("rabbitmq", Server.Name);
        var epmdPort = PortAllocator.Allocate();
        var distributionPort = PortAllocator.Allocate();
        // Our own epmd, in the foreground: the one Erlang would start itself daemonizes and outlives the broker.
        StartProcess(new ProcessSpec(Server.Name, EpmdPath, ["-port", Invariant(epmdPort), "-address", "127.0.0.1"]));
        await WaitUntilListeningAsync(epmdPort, cancellationToken);
        ReportUnexpectedExit(StartProcess(new ProcessSpec(Server.Name, ServerPath, [])
        {
            WorkingDirectory = directory,
            Environment = BrokerEnvironment(directory, epmdPort, distributionPort),
            StopTimeout = TimeSpan.FromSeconds(20),
        }));
    }

    protected override Task<bool> ProbeAsync(string connectionString, CancellationToken cancellationToken) =>
        HealthProbes.RabbitMQAsync(connectionString, cancellationToken);

    private Dictionary<string, string> BrokerEnvironment(string directory, int epmdPort, int distributionPort)
    {
        var configFile = WriteFile(directory, "rabbitmq.conf",
            $"default_user = {RabbitMQServerResource.UserName}\ndefault_pass = {Server.PasswordParameter.Value}\n" +
            "loopback_users = none\ndisk_free_limit.absolute = 50MB\n");
        // The node name keeps its mnesia directory, so it is chosen once per state folder.
        var nodeSuffix = Context.State.GetOrCreate($"rabbitmq:{Server.Name}:node",
            () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        return new()
        {
            ["HOME"] = directory,
            ["RABBITMQ_NODENAME"] = $"weatherflow-{Server.Name}-{nodeSuffix}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Invariant(Port),
            ["RABBITMQ_DIST_PORT"] = Invariant(distributionPort),
            ["ERL_EPMD_PORT"] = Invariant(epmdPort),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = configFile,
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = WriteFile(directory, "enabled_plugins", "[].\n"),
            ["RABBITMQ_CONF_ENV_FILE"] = WriteFile(directory, "rabbitmq-env.conf", ""),
        };
    }

    private static string WriteFile(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    private static async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
