using System.Text.Json;
using System.Text.Json.Serialization;
using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Data.Caching;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ExperimentJobEvent))]
internal sealed partial class ExperimentEventJsonContext : JsonSerializerContext;
