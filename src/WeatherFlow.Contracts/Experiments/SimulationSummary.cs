namespace WeatherFlow.Contracts.Experiments;

/// <param name="Grid">The grid actually used, after the resolution tier's override.</param>
/// <param name="TimeStepSeconds">The tier's time step (custom: 300), not <c>timeControl.stepSeconds</c>.</param>
public sealed record SimulationSummary(string Core, string ResolutionTier, GridSize Grid, int TimeStepSeconds);
