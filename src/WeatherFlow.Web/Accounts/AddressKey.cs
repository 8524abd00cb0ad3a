using System.Security.Cryptography;
using System.Text;

namespace WeatherFlow.Web.Accounts;

/// <summary>A typed address as a counter's key: case and surrounding spaces aside, and hashed, so that Redis keeps no
/// addresses.</summary>
public static class AddressKey
{
    public static string Of(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToUpperInvariant())));
}
