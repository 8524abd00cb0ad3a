using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// Healthy when epmd answers a NAMES_REQ with its own port. Written by hand because no health-check package speaks
/// epmd's protocol, and a bare TCP connect is not proof that epmd (rather than anything else) is listening.
/// </summary>
internal sealed class EpmdHealthCheck(Func<int> port) : IHealthCheck
{
    private static readonly byte[] NamesRequest = [0, 1, (byte)'n'];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var expected = port();
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", expected, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(NamesRequest, cancellationToken);
            var answer = new byte[4];
            await stream.ReadExactlyAsync(answer, cancellationToken);
            return BinaryPrimitives.ReadInt32BigEndian(answer) == expected
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Something other than epmd answered on its port.");
        }
        catch (Exception e) when (e is SocketException or IOException or EndOfStreamException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
    }
}
