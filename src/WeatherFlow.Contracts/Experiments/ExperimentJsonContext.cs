using System.Text.Json;
using System.Text.Json.Serialization;
using WeatherFlow.Contracts.ReferenceWireFormat;

namespace WeatherFlow.Contracts.Experiments;

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
