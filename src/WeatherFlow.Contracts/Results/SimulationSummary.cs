using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Contracts.Results;

/// <param name="Grid">The grid actually used, after the resolution tier's override.</param>
/// <param name="TimeStepSeconds">The tier's time step (custom: 300), not <c>timeControl.stepSeconds</c>.</param>
/// <param name="Atmosphere">WeatherFlow's addition: the generator that made the data.</param>
/// <param name="Units">WeatherFlow's addition: each channel's unit, in the order of <c>channelNames</c> ("1": unitless).</param>
public sealed record SimulationSummary(string Core, string ResolutionTier, GridSize Grid, int TimeStepSeconds, string Atmosphere, IReadOnlyList<string> Units);
