namespace WeatherFlow.Tests.Experiments;

/// <summary>Three small runs that differ only in hidden size (32, 48, 64), named "{prefix} h32"…, tagged with a tag
/// of their own plus "h32"… and "scaling", trained to completion: a history to search, compare and aggregate.</summary>
public sealed record ScalingStudy(string Tag, IReadOnlyList<Guid> Ids)
{
    public static readonly int[] HiddenSizes = [32, 48, 64];

    /// <param name="firstSeed">Each study needs seeds of its own, or the result cache would answer its runs.</param>
    public static async Task<ScalingStudy> TrainAsync(HttpClient api, string prefix, int firstSeed)
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(api);
        var tag = $"study-{Guid.NewGuid():N}"[..14];
        var ids = new List<Guid>();
        foreach (var (hidden, seed) in HiddenSizes.Select((hidden, index) => (hidden, firstSeed + index)))
        {
            ids.Add(await experiments.StartAsync($$$"""
                {"name":"{{{prefix}}} h{{{hidden}}}","tags":["{{{tag}}}","h{{{hidden}}}","scaling"],"note":"scaling study of hidden size",
                 "dataset":{"variables":["t"],"pressureLevels":[500],"gridSize":{"lat":8,"lon":8},"trainSamples":8,"valSamples":4},
                 "model":{"backbone":"grid","hiddenDim":{{{hidden}}},"nLayers":1},"training":{"epochs":2,"batchSize":4,"seed":{{{seed}}}}}
                """, timeout.Token));
        }
        foreach (var id in ids)
        {
            await experiments.WaitForCompletionAsync(id, timeout.Token);
        }
        return new ScalingStudy(tag, ids);
    }
}
