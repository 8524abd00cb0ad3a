using WeatherFlow.AppHost.LocalServers;
namespace WeatherFlow.Tests.LocalServers;

/// <summary>
/// A folder of stand-ins for the postgres, redis-server and rabbitmq-server binaries and for the node that runs Azurite:
/// each takes TCP connections on the port its resource gives it and never answers. Perl is the listener because Debian
/// always has it.
/// </summary>
public static class SilentListeners
{
    private const string Server = """
        #!/bin/sh
        # RabbitMQ is told its port in the environment; postgres, redis-server and Azurite as their last argument.
        port="${RABBITMQ_NODE_PORT:-}"
        if [ -z "$port" ]; then for port; do :; done; fi
        exec perl -MIO::Socket::INET -e '
          $| = 1;
          my $server = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $ARGV[0], Listen => 16, ReuseAddr => 1)
            or die "cannot listen on $ARGV[0]: $!";
          print "silently listening on $ARGV[0]\n";
          my @held;
          while (my $client = $server->accept) { push @held, $client }
        ' "$port"
        """;

    // The postgres resource runs initdb first (-D <data> …) unless the data folder holds a cluster.
    private const string InitDb = """
        #!/bin/sh
        mkdir -p "$2" && echo 15 > "$2/PG_VERSION"
        """;

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static DirectoryInfo Create()
    {
        // Readable by everyone: as root the AppHost runs postgres (here, this stand-in) as the postgres user.
        var folder = Directory.CreateTempSubdirectory("weatherflow-silent-");
        File.SetUnixFileMode(folder.FullName, Executable);
        foreach (var (name, script) in (ReadOnlySpan<(string, string)>)[("postgres", Server), ("redis-server", Server), ("rabbitmq-server", Server), ("node", Server), ("initdb", InitDb)])
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllText(path, script + "\n");
            File.SetUnixFileMode(path, Executable);
        }
        // The Azurite script the node stand-in is given: it only has to exist.
        var azurite = Path.Combine(folder.FullName, ServerBinary.AzuriteBlob.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(azurite)!);
        File.WriteAllText(azurite, "");
        return folder;
    }
}
