namespace WeatherFlow.Api.History;

internal static class ChannelScores
{
    /// <summary>Each channel's scores in every run, read from the <c>prediction</c> block only (the fields are skipped).</summary>
    public static List<ChannelComparison> Compare(IReadOnlyList<string?> results)
    {
        var perRun = results.Select(result => result is null
            ? []
            : JsonSerializer.Deserialize<ScoredResult>(result, ExperimentJson.Options)!.Prediction.Channels.ToDictionary(channel => channel.Name)).ToList();
        return [.. perRun.SelectMany(channels => channels.Keys).Distinct()
            .Select(name => new ChannelComparison(name, [.. perRun.Select(channels => channels.TryGetValue(name, out var channel)
                ? new ChannelScore(channel.Rmse, channel.BaselineRmse, channel.Skill, channel.Acc)
                : null)]))];
    }

    private sealed record ScoredResult(ScoredPrediction Prediction);

    private sealed record ScoredPrediction(IReadOnlyList<ScoredChannel> Channels);

    private sealed record ScoredChannel(string Name, double Rmse, double BaselineRmse, double? Skill, double? Acc);
}
