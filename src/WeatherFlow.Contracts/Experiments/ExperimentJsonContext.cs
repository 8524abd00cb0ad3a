using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeatherFlow.Contracts.Experiments;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(PythonFloatConverter)])]
[JsonSerializable(typeof(ExperimentConfig))]
[JsonSerializable(typeof(ExperimentResult))]
[JsonSerializable(typeof(TrainingProgress))]
[JsonSerializable(typeof(IReadOnlyList<ConfigError>))]
internal sealed partial class ExperimentJsonContext : JsonSerializerContext;
