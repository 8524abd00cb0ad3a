using System.Text.Json;
using WeatherFlow.Contracts.Json;

namespace WeatherFlow.Training.Tests;

public sealed class ResultShapeTests
{
    // WeatherFlow's documented additions to the reference's result document.
    private static readonly string[] Additions =
    [
        "config.training.objective",
        "config.simulation.atmosphere",
        "prediction.modelEpoch",
        "simulationSummary.atmosphere",
        "simulationSummary.units",
        "validation.metrics[].valLoss",
        "prediction.channels[].skill",
        "prediction.channels[].acc",
        "execution.evaluationSeconds",
        "evaluation",
        "evaluation.testSet",
        "evaluation.stepHours",
        "evaluation.leadTimes",
        "evaluation.scores",
        "evaluation.scores[].channel",
        "evaluation.scores[].leadHours",
        "evaluation.scores[].steps",
        "evaluation.scores[].cases",
        "evaluation.scores[].model",
        "evaluation.scores[].model.rmse",
        "evaluation.scores[].model.bias",
        "evaluation.scores[].model.acc",
        "evaluation.scores[].persistence",
        "evaluation.scores[].persistence.rmse",
        "evaluation.scores[].persistence.bias",
        "evaluation.scores[].persistence.acc",
        "evaluation.scores[].climatology",
        "evaluation.scores[].climatology.rmse",
        "evaluation.scores[].climatology.bias",
        "evaluation.scores[].climatology.acc",
        "evaluation.scores[].skillVsPersistence",
        "evaluation.scores[].skillVsClimatology",
    ];

    [Fact]
    public void The_result_has_the_key_paths_and_order_of_the_reference_response_plus_the_documented_additions()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(ExamplePath));
        var config = TestConfigs.Read("""
            {"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":4,"valSamples":4},
             "model":{"backbone":"grid","hiddenDim":32,"nLayers":1},"training":{"epochs":1,"batchSize":2,"solverMethod":"rk4"}}
            """);
        var experimentId = Guid.CreateVersion7();
        var result = TestConfigs.Engine().Run(experimentId, config, null, null, CancellationToken.None).Result;
        Assert.Equal(experimentId.ToString(), result.ExperimentId);
        using var ours = JsonDocument.Parse(JsonSerializer.Serialize(result, ExperimentJson.Options));

        var expected = KeyPaths(example.RootElement).ToList();
        var actual = KeyPaths(ours.RootElement).ToList();

        Assert.Equal(expected.Concat(Additions).Order(), actual.Distinct().Order());
        Assert.Equal(expected.Distinct(), actual.Where(path => !Additions.Contains(path)).Distinct());
        Assert.Equal(
            example.RootElement.GetProperty("validation").GetProperty("metrics")[0].EnumerateObject().Select(p => p.Name),
            ours.RootElement.GetProperty("validation").GetProperty("metrics")[0].EnumerateObject().Select(p => p.Name).Where(name => name != "valLoss"));
    }

    /// <summary>Every object key as a dotted path, array elements as "[]", in document order, once each.</summary>
    private static IEnumerable<string> KeyPaths(JsonElement element, string prefix = "")
    {
        var seen = new HashSet<string>();
        foreach (var path in Walk(element, prefix))
        {
            if (seen.Add(path))
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string> Walk(JsonElement element, string prefix)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                yield return path;
                foreach (var inner in Walk(property.Value, path))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Walk(item, prefix + "[]"))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "Contract", "example-response.json");
}
