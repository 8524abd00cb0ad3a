using System.Text.Json.Nodes;

namespace WeatherFlow.Api.Experiments;

internal static class ResultDocument
{
    private const string IdPrefix = "{\"experimentId\":\"";

    /// <summary>
    /// A cached result under a new experiment's id, everything else byte for byte. Results are written with the id
    /// first, so the id is spliced in without parsing the (often 100 KB) document; anything else goes through
    /// JsonNode, which keeps key order and the original number text.
    /// </summary>
    public static string WithExperimentId(string resultJson, Guid experimentId)
    {
        var id = experimentId.ToString();
        var idEnd = IdPrefix.Length + id.Length;
        if (resultJson.StartsWith(IdPrefix, StringComparison.Ordinal)
            && resultJson.Length > idEnd
            && resultJson[idEnd] == '"'
            && Guid.TryParseExact(resultJson.AsSpan(IdPrefix.Length, id.Length), "D", out _))
        {
            return string.Concat(IdPrefix, id, resultJson.AsSpan(idEnd));
        }
        var result = JsonNode.Parse(resultJson)!.AsObject();
        result["experimentId"] = id;
        return result.ToJsonString();
    }
}
