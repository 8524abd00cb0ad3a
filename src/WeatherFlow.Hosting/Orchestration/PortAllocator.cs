using System.Net;
using System.Net.Sockets;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Picks free loopback ports below 32768: above that is Linux's ephemeral range, where a readiness probe can
/// connect to itself and later make the real server fail to bind.
/// </summary>
internal static class PortAllocator
{
    private const int Lowest = 10000;
    private const int Highest = 32767;
    private static readonly HashSet<int> s_handedOut = [];

    public static int Allocate(int? preferred = null)
    {
        lock (s_handedOut)
        {
            if (preferred is { } port && IsFree(port) && s_handedOut.Add(port))
            {
                return port;
            }
            while (true)
            {
                var candidate = Random.Shared.Next(Lowest, Highest + 1);
                if (!s_handedOut.Contains(candidate) && IsFree(candidate))
                {
                    s_handedOut.Add(candidate);
                    return candidate;
                }
            }
        }
    }

    public static void Release(int port)
    {
        lock (s_handedOut)
        {
            s_handedOut.Remove(port);
        }
    }

    private static bool IsFree(int port) =>
        CanBind(IPAddress.Loopback, port) && (!Socket.OSSupportsIPv6 || CanBind(IPAddress.IPv6Loopback, port));

    private static bool CanBind(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
