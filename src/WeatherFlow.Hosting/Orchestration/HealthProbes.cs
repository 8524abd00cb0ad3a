using System.Net.Sockets;
using System.Text;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>Health by protocol: a resource is healthy when it answers its own protocol, not when a port is open.</summary>
internal static class HealthProbes
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public static async Task<bool> PostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(WithoutPooling(connectionString));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is 1;
    }

    /// <summary>AUTH and PING over raw RESP: no multiplexer with its background threads for a probe.</summary>
    public static async Task<bool> RedisAsync(string connectionString, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var (host, port) = options.EndPoints[0] switch
        {
            System.Net.DnsEndPoint dns => (dns.Host, dns.Port),
            System.Net.IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            var other => throw new InvalidOperationException($"Unsupported Redis endpoint {other}."),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(host, port == 0 ? 6379 : port, timeout.Token);
        await using var stream = client.GetStream();
        var request = options.Password is { } password ? $"AUTH {Bulk(password)}\r\nPING\r\n" : "PING\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token);
        var buffer = new byte[256];
        var received = new StringBuilder();
        while (!received.ToString().Contains("PONG", StringComparison.Ordinal) && !received.ToString().Contains("-", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return received.ToString().Contains("+PONG", StringComparison.Ordinal);
    }

    public static async Task<bool> RabbitMQAsync(string connectionString, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), RequestedConnectionTimeout = s_timeout };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        return connection.IsOpen;
    }

    public static async Task<bool> HttpAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        using var response = await client.GetAsync(url, timeout.Token);
        return response.IsSuccessStatusCode;
    }

    private static string WithoutPooling(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;

    private static string Bulk(string value) => $"\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
}
