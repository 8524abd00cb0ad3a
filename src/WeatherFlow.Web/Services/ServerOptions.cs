using WeatherFlow.Contracts.Experiments;

namespace WeatherFlow.Web.Services;

/// <summary>The document of the api's <c>GET /api/options</c>: the choices the compose form offers.</summary>
public sealed record ServerOptions(
    IReadOnlyList<string> Variables,
    IReadOnlyList<int> PressureLevels,
    IReadOnlyList<GridSize> GridSizes,
    IReadOnlyList<string> SolverMethods,
    IReadOnlyList<string> LossTypes,
    IReadOnlyList<string> SimulationCores,
    IReadOnlyList<ResolutionTier> ResolutionTiers,
    int MaxEpochs);
