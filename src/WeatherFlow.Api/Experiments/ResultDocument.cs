using System.Text.Json.Nodes;

namespace WeatherFlow.Api.Experiments;

internal static class ResultDocument
{
    /// <summary>A cached result under a new experiment's id. JsonNode keeps key order and the original number
    /// text, so everything else stays byte for byte.</summary>
    public static string WithExperimentId(string resultJson, Guid experimentId)
    {
        var result = JsonNode.Parse(resultJson)!.AsObject();
        result["experimentId"] = experimentId.ToString();
        return result.ToJsonString();
    }
}
