using System.Security.Cryptography;
using System.Text;

namespace WeatherFlow.Data.Accounts;

/// <summary>How a personal access token looks and is kept: <c>wf_</c> and 32 random bytes (base64url), stored as
/// its SHA-256, which a lookup by hash matches in one index probe.</summary>
public static class PersonalAccessTokens
{
    public const string Prefix = "wf_";
    public const int MaxNameLength = 64;

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
