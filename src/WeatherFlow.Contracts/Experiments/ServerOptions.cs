namespace WeatherFlow.Contracts.Experiments;

/// <summary>The document of <c>GET /api/options</c>, in the reference contract's exact shape: what the api serves
/// and the web's compose form offers.</summary>
public sealed record ServerOptions(
    IReadOnlyList<string> Variables,
    IReadOnlyList<int> PressureLevels,
    IReadOnlyList<GridSize> GridSizes,
    IReadOnlyList<string> SolverMethods,
    IReadOnlyList<string> LossTypes,
    IReadOnlyList<string> SimulationCores,
    IReadOnlyList<ResolutionTier> ResolutionTiers,
    int MaxEpochs)
{
    public static readonly ServerOptions Document = new(
        ExperimentOptions.Variables,
        ExperimentOptions.PressureLevels,
        ExperimentOptions.GridSizes,
        ExperimentOptions.SolverMethods,
        ExperimentOptions.LossTypes,
        ExperimentOptions.SimulationCores,
        ExperimentOptions.ResolutionTiers,
        ExperimentOptions.MaxEpochs);
}
