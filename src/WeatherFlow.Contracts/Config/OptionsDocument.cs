namespace WeatherFlow.Contracts.Config;

/// <summary>The document of <c>GET /api/options</c>, in the reference contract's exact shape: what the api serves
/// and the web's compose form offers.</summary>
public sealed record OptionsDocument(
    IReadOnlyList<string> Variables,
    IReadOnlyList<int> PressureLevels,
    IReadOnlyList<GridSize> GridSizes,
    IReadOnlyList<string> SolverMethods,
    IReadOnlyList<string> LossTypes,
    IReadOnlyList<string> SimulationCores,
    IReadOnlyList<ResolutionTier> ResolutionTiers,
    int MaxEpochs)
{
    public static readonly OptionsDocument Current = new(
        ConfigChoices.Variables,
        ConfigChoices.PressureLevels,
        ConfigChoices.GridSizes,
        ConfigChoices.SolverMethods,
        ConfigChoices.LossTypes,
        ConfigChoices.SimulationCores,
        ConfigChoices.ResolutionTiers,
        ConfigChoices.MaxEpochs);
}
