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

    /// <summary>
    /// The result without its forecast fields: each channel's <c>initial</c>, <c>target</c> and <c>trajectory</c> and
    /// the LOD preview's <c>tiles</c> become empty arrays (so the contract's shape still holds), and a
    /// <c>retention</c> object says when and why. Scores, metrics, config and summaries are kept as they were.
    /// </summary>
    public static string WithoutFields(string resultJson, DateTimeOffset removedAt, string reason)
    {
        var result = JsonNode.Parse(resultJson)!.AsObject();
        foreach (var channel in result["prediction"]?["channels"]?.AsArray() ?? [])
        {
            foreach (var field in (string[])["initial", "target", "trajectory"])
            {
                if (channel?[field] is not null)
                {
                    channel[field] = new JsonArray();
                }
            }
        }
        if (result["lodPreview"]?["tiles"] is not null)
        {
            result["lodPreview"]!["tiles"] = new JsonArray();
        }
        result["retention"] = new JsonObject { ["fieldsRemovedAt"] = removedAt.ToString("O"), ["reason"] = reason };
        return result.ToJsonString();
    }
}
