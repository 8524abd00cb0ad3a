using System.Security.Cryptography;
using System.Text;

namespace WeatherFlow.Api.Experiments;

/// <summary><see cref="ExperimentConfig.ComputeHash"/> of a config already written as canonical JSON, so that a
/// submission writes its config once for both its stored text and its hash.</summary>
internal static class ConfigHash
{
    public static string Of(string canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
}
