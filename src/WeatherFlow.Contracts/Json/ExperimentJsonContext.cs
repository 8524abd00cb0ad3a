using System.Text.Json;
using System.Text.Json.Serialization;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Progress;
using WeatherFlow.Contracts.ReferenceWireFormat;
using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Contracts.Json;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(PythonFloatConverter)])]
[JsonSerializable(typeof(ExperimentConfig))]
[JsonSerializable(typeof(ExperimentResult))]
[JsonSerializable(typeof(ResultMetrics))]
[JsonSerializable(typeof(TrainingProgress))]
[JsonSerializable(typeof(IReadOnlyList<ConfigError>))]
internal sealed partial class ExperimentJsonContext : JsonSerializerContext;
