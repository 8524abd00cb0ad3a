using System.Net;
using System.Net.Sockets;

namespace WeatherFlow.Tests.Infrastructure;

/// <summary>Connections to a local server from another address of 127.0.0.0/8 (all of it this host's on Linux), so that a
/// test is a client of its own to limits counted per client address.</summary>
public static class LoopbackSource
{
    public static SocketsHttpHandler Handler(IPAddress source, CookieContainer? cookies = null, bool followRedirects = true) => new()
    {
        ConnectCallback = (context, ct) => ConnectFromAsync(source, context.DnsEndPoint.Port, ct),
        CookieContainer = cookies ?? new CookieContainer(),
        AllowAutoRedirect = followRedirects,
    };

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress source, int port, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
