using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// x1 = step(x0) of contract §3.2: tendency, replay phase, boundary relaxation, moisture, surface flux. Scalar terms
/// are 0-dim float32 tensors, as in the reference (torch.tensor(python float)), so rounding matches.
/// </summary>
internal sealed class ReferenceAtmosphereStep(SimulationConfig simulation, double dynamicsScale)
{
    public double Scale => dynamicsScale;

    public Tensor Apply(Tensor x0, int sampleIndex)
    {
        var time = simulation.TimeControl;
        var dtScale = time.StepSeconds / Math.Max(1.0, ConfigChoices.RecommendedStepSeconds(simulation.Core));
        var state = x0 + x0.tanh() * dynamicsScale * dtScale;

        var span = Math.Max(1, time.ReplayLengthSeconds / time.StepSeconds);
        var phase = sampleIndex % span / (double)span;
        state += 0.05 * tensor(phase * 3.14, ScalarType.Float32).sin();

        if (simulation.BoundarySource is "reanalysis" or "parametric")
        {
            var boundaryUpdate = Math.Max(time.BoundaryUpdateSeconds, 1);
            var fraction = (long)sampleIndex * time.StepSeconds % boundaryUpdate / (double)boundaryUpdate;
            state += tensor(fraction, ScalarType.Float32).tanh() * MeanOverGrid(state) * 0.05;
        }
        return SurfaceFlux(Moisture(state));
    }

    private Tensor Moisture(Tensor state)
    {
        var moisture = simulation.Moisture;
        if (!moisture.Enable)
        {
            return state;
        }
        var humidity = state.sigmoid();
        var condensation = (humidity - moisture.CondensationThreshold).clamp(min: 0.0) * moisture.CondensationRate;
        var evaporation = (1.0 - humidity) * moisture.EvaporationRate;
        return state + condensation - evaporation + condensation * moisture.CloudEntrainment;
    }

    private Tensor SurfaceFlux(Tensor state)
    {
        var flux = simulation.SurfaceFlux;
        var mean = MeanOverGrid(state);
        return state + flux.LatentCoeff * mean.tanh() + flux.SensibleCoeff * mean - flux.DragCoeff * state;
    }

    private static Tensor MeanOverGrid(Tensor state) => state.mean([-2, -1], keepdim: true);
}
