using System.Text;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.ReferenceWireFormat;

namespace WeatherFlow.Training.Tests;

/// <summary>Tiny experiments that exercise the whole engine in well under a second each.</summary>
internal static class TestConfigs
{
    public static ExperimentConfig Read(string json)
    {
        var read = ExperimentConfigReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => $"{string.Join('.', e.Loc)}: {e.Msg}")));
        return read.Config;
    }

    public static ExperimentConfig Tiny(string backbone = "grid", string solver = "dopri5") => Read($$$"""
        {"dataset":{"variables":["u","v"],"pressureLevels":[500],"gridSize":{"lat":8,"lon":16},"trainSamples":8,"valSamples":4},
         "model":{"backbone":"{{{backbone}}}","hiddenDim":32,"nLayers":1,"windowSize":4},
         "training":{"epochs":2,"batchSize":4,"solverMethod":"{{{solver}}}","timeSteps":3}}
        """);

    public static ExperimentEngine Engine() => new(new EngineOptions());
}
