using System.Net;

namespace Microsoft.AspNetCore.Http;

public static class ClientAddressExtensions
{
    /// <summary>The client's address as the rate limits and the audit trail count it (behind a trusted proxy, the forwarded
    /// headers have made it the client's): a client reaching us over IPv4 through a dual-stack socket is still the same
    /// IPv4 client.</summary>
    public static string ClientAddress(this HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();
}
