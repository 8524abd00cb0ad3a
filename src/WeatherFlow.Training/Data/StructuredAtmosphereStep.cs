using WeatherFlow.Contracts.Config;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// The structured atmosphere's dynamics, stepped over the lead time in steps of the tier's time step: the column
/// temperature T_m + θ is carried by the 500 hPa geostrophic wind and h by the 850 hPa one (semi-Lagrangian, longitude wrapping), both diffused at the
/// grid scale. The contract's physics act when configured: moisture (latent heating where the column is warm and
/// moist, evaporative cooling elsewhere), surface fluxes (sensible heating over land and latent heating over sea with
/// the diurnal forcing, drag spinning down the low-level height anomaly) and, for the reanalysis and parametric
/// boundary sources, relaxation towards the shared climate.
/// </summary>
internal sealed class StructuredAtmosphereStep(SphereGrid grid, SimulationConfig simulation, Tensor land, StructuredClimate climate)
{
    private const double Day = 86_400;

    /// <summary>Steps between returns of freed memory to the system: glibc keeps the steps' freed tensors (see
    /// <see cref="NativeHeap"/>).</summary>
    private const int TrimInterval = 8;
    private static readonly double DiffusionTime = TimeSpan.FromDays(2).TotalSeconds;
    private static readonly double RelaxationTime = TimeSpan.FromDays(5).TotalSeconds;

    /// <summary>Temperature scales (K) of the physics terms, per day at coefficient 1.</summary>
    private const double MoistHeating = 10;
    private const double SensibleHeating = 3;
    private const double LatentHeating = 1;
    private const double MoistureScale = 4;

    /// <param name="forcing">The diurnal forcing of each sample, [N, 1].</param>
    public (Tensor Temperature, Tensor Height) Advance(Tensor temperature, Tensor height, Tensor forcing, double leadSeconds, int stepSeconds)
    {
        using var scope = NewDisposeScope();
        var steps = Math.Max(1, (int)Math.Ceiling(leadSeconds / stepSeconds));
        var dt = leadSeconds / steps;
        var diurnal = forcing.view(-1, 1, 1);
        var contrast = StructuredAtmosphere.MeridionalContrast(grid);
        var count = temperature.shape[0];
        var (callersTemperature, callersHeight) = (temperature, height);
        for (var i = 0; i < steps; i++)
        {
            var (previousTemperature, previousHeight) = (temperature, height);
            using var stepScope = NewDisposeScope();
            // Both fields and both steering levels go through each operation together: on small grids the cost is
            // the number of tensor operations, not their size.
            var steering = stack([
                StructuredAtmosphere.Height(grid, temperature, height, 500),
                StructuredAtmosphere.Height(grid, temperature, height, 850)]).view(2 * count, grid.Size.Lat, grid.Size.Lon);
            var (east, north) = StructuredAtmosphere.GeostrophicWind(grid, steering);
            // The whole column temperature moves, so the eddies also carry the equator-to-pole contrast.
            var anomalies = SemiLagrangian.Advect(grid, cat([temperature + contrast, height]), east, north, dt) - cat([contrast.expand_as(temperature), zeros_like(height)]);
            anomalies += dt / DiffusionTime * grid.NeighbourDifference(anomalies);
            temperature = anomalies.narrow(0, 0, count);
            height = anomalies.narrow(0, count, count);
            temperature += dt / Day * Heating(temperature, diurnal);
            height -= dt / Day * simulation.SurfaceFlux.DragCoeff * height;
            if (simulation.BoundarySource is "reanalysis" or "parametric")
            {
                temperature += dt / RelaxationTime * (climate.Temperature - temperature);
                height += dt / RelaxationTime * (climate.Height - height);
            }
            temperature.MoveToOuterDisposeScope();
            height.MoveToOuterDisposeScope();
            if (!ReferenceEquals(previousTemperature, callersTemperature))
            {
                previousTemperature.Dispose();
                previousHeight.Dispose();
            }
            if (i % TrimInterval == TrimInterval - 1)
            {
                NativeHeap.Trim();
            }
        }
        return (temperature.MoveToOuterDisposeScope(), height.MoveToOuterDisposeScope());
    }

    /// <summary>K per day.</summary>
    private Tensor Heating(Tensor temperature, Tensor diurnal)
    {
        var flux = simulation.SurfaceFlux;
        var heating = diurnal * (flux.SensibleCoeff * SensibleHeating * land + flux.LatentCoeff * LatentHeating * (1 - land));
        var moisture = simulation.Moisture;
        if (moisture.Enable)
        {
            var humidity = (temperature / MoistureScale).sigmoid();
            var condensation = (humidity - moisture.CondensationThreshold).clamp(min: 0.0) * moisture.CondensationRate;
            var evaporation = (1.0 - humidity) * moisture.EvaporationRate;
            heating += MoistHeating * (condensation * (1 + moisture.CloudEntrainment) - evaporation);
        }
        return heating;
    }
}
