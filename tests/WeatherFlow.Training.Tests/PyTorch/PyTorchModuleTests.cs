using System.Text.Json;
using WeatherFlow.Contracts.Json;
using WeatherFlow.TestSupport;

namespace WeatherFlow.Training.Tests.PyTorch;

/// <summary>
/// clients/python/weatherflow_model.py, run in Debian's PyTorch on a trained run's files: the state dict loads
/// strictly into its module, and one solver step from the run's initial state lands on the run's own forecast.
/// </summary>
public sealed class PyTorchModuleTests
{
    private const string StepScript = """
        import json, sys, torch
        from weatherflow_model import load_model
        folder = sys.argv[1]
        meta = json.load(open(f"{folder}/metadata.json"))
        prediction = json.load(open(f"{folder}/prediction.json"))
        model = load_model(f"{folder}/model.safetensors", meta)
        x0 = torch.tensor([c["initial"] for c in prediction["channels"]], dtype=torch.float32).unsqueeze(0)
        forecast = torch.tensor([c["trajectory"][1]["data"] for c in prediction["channels"]], dtype=torch.float32).unsqueeze(0)
        x1 = model.step(x0, 0.0, prediction["times"][1], solver=meta["config"]["training"]["solverMethod"])
        print(json.dumps({"shape": list(x1.shape), "difference": (x1 - forecast).abs().max().item(), "moved": (forecast - x0).abs().max().item()}))
        """;

    [Theory]
    [InlineData("grid", "rk4", """ "useAttention":true,"physicsInformed":true,"useGraphMp":true,"sphericalPadding":true,"windowSize":4 """)]
    [InlineData("grid", "midpoint", """ "useAttention":false,"physicsInformed":false,"sphericalPadding":false """)]
    [InlineData("icosahedral", "rk4", """ "physicsInformed":true,"subdivisions":2 """)]
    public void A_runs_model_takes_the_runs_first_forecast_step_in_pytorch(string backbone, string solver, string modelOptions)
    {
        var config = TestConfigs.Read($$$"""
            {"dataset":{"variables":["u","v","t"],"pressureLevels":[500],"gridSize":{"lat":8,"lon":16},"trainSamples":16,"valSamples":4},
             "model":{"backbone":"{{{backbone}}}","hiddenDim":32,"nLayers":2,{{{modelOptions}}}},
             "training":{"epochs":3,"batchSize":4,"solverMethod":"{{{solver}}}","timeSteps":3}}
            """);
        var outcome = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("weatherflow-pytorch-").FullName;
        File.WriteAllBytes(Path.Combine(folder, "model.safetensors"), outcome.Model.Weights);
        File.WriteAllText(Path.Combine(folder, "metadata.json"), JsonSerializer.Serialize(outcome.Model.Metadata, ExperimentJson.Options));
        File.WriteAllText(Path.Combine(folder, "prediction.json"), JsonSerializer.Serialize(outcome.Result.Prediction, ExperimentJson.Options));

        var step = JsonDocument.Parse(PythonModule.Run(StepScript, folder, folder)).RootElement;

        Assert.Equal([1, 3, 8, 16], step.GetProperty("shape").EnumerateArray().Select(size => size.GetInt32()));
        var (difference, moved) = (step.GetProperty("difference").GetDouble(), step.GetProperty("moved").GetDouble());
        Assert.True(moved > 1e-3, $"the trained model should move the state; it moved it by {moved}");
        Assert.True(difference < 1e-4 * moved, $"PyTorch's step is {difference} from the run's forecast, which moved by {moved}");
        Directory.Delete(folder, recursive: true);
    }
}
