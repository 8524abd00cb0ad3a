using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Experiments;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Learning;
using WeatherFlow.Training.Models;
using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Results;

/// <summary>
/// The model's forecast from every test pair of a dataset, one lead ahead, scored per channel against the target
/// and against persistence: RMSE over the unmasked cells, weighted by cos φ (normalised), pooled over the pairs.
/// </summary>
internal static class TestScores
{
    public static IReadOnlyList<TestChannelScore> Compute(ExperimentConfig config, ExperimentData data, ExperimentData modelData,
        ChannelScaling? scaling, FlowModel model, CancellationToken cancellationToken)
    {
        if (data is not { TestX0: { } x0, TestX1: { } x1, Mask: { } mask, Source: { } source } || modelData.TestX0 is not { } modelX0)
        {
            return [];
        }
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var times = OdeSolver.UnitInterval(config.Training.TimeSteps);
        var forecast = OdeSolver.SolveFinal(config.Training.SolverMethod, model.Field(modelData.Static, modelData.TestForcing!), modelX0, times, cancellationToken);
        var physical = scaling?.Restore(forecast) ?? forecast;
        var weights = LatitudeWeights(source.Latitudes) * mask;
        var total = weights.sum() * x0.shape[0];
        Tensor Rmse(Tensor prediction) => ((prediction - x1).square() * weights).sum([0, 2, 3]).div(total).sqrt();
        var modelRmse = Rmse(physical).data<float>().ToArray();
        var persistence = Rmse(x0).data<float>().ToArray();
        return [.. data.ChannelNames.Select((channel, c) => new TestChannelScore(channel, modelRmse[c], persistence[c], FieldStatistics.Skill(modelRmse[c], persistence[c])))];
    }

    /// <summary>cos φ per row, [1, 1, H, 1]: a cell near a pole covers less of the Earth than one at the equator.</summary>
    public static Tensor LatitudeWeights(IReadOnlyList<double> latitudes) =>
        tensor(latitudes.Select(latitude => (float)Math.Cos(latitude * Math.PI / 180)).ToArray(), [1, 1, latitudes.Count, 1]);
}
