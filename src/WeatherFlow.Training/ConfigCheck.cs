using System.Text.Json;
using WeatherFlow.Contracts.Experiments;

namespace WeatherFlow.Training;

/// <summary>
/// Hosts normally hand the engine a config that <see cref="ExperimentConfigReader"/> produced, but a config built in
/// code skips its checks; reading it back through the reader gives such a config the same bounds and the same
/// messages, instead of a failure deep inside libtorch.
/// </summary>
internal static class ConfigCheck
{
    public static void EnsureValid(ExperimentConfig config)
    {
        var read = ExperimentConfigReader.Read(JsonSerializer.SerializeToUtf8Bytes(config, ExperimentJson.Options));
        if (!read.IsValid)
        {
            var problems = read.Errors.Select(error => $"{string.Join('.', error.Loc.Skip(1))}: {error.Msg}");
            throw new ExperimentFailedException($"Invalid experiment config: {string.Join("; ", problems)}");
        }
    }
}
