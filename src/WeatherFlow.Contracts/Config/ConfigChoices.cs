namespace WeatherFlow.Contracts.Config;

/// <summary>The closed vocabularies of the config, as the reference server defines and advertises them.</summary>
public static class ConfigChoices
{
    public const string Grid = "grid";
    public const string Icosahedral = "icosahedral";
    public const string Dopri5 = "dopri5";
    public const string Rk4 = "rk4";
    public const string Midpoint = "midpoint";
    public const string Mse = "mse";
    public const string Huber = "huber";
    public const string SmoothL1 = "smooth_l1";
    public const string ShallowWater = "shallow-water";
    public const string Hydrostatic3d = "hydrostatic-3d";
    public const string Anelastic3d = "anelastic-3d";
    public const string CustomTier = "custom";
    public const string ReferenceObjective = "reference";
    public const string RectifiedObjective = "rectified";
    public const string StructuredAtmosphere = "structured";
    public const string ReferenceAtmosphere = "reference";
    public const int MaxEpochs = 6;

    public static IReadOnlyList<string> Variables { get; } = ["t", "z", "u", "v"];
    public static IReadOnlyList<int> PressureLevels { get; } = [1000, 850, 700, 500, 300, 200];
    public static IReadOnlyList<GridSize> GridSizes { get; } = [new(16, 32), new(32, 64)];
    public static IReadOnlyList<string> Backbones { get; } = [Grid, Icosahedral];
    public static IReadOnlyList<string> SolverMethods { get; } = [Dopri5, Rk4, Midpoint];
    public static IReadOnlyList<string> LossTypes { get; } = [Mse, Huber, SmoothL1];
    public static IReadOnlyList<string> SimulationCores { get; } = [ShallowWater, Hydrostatic3d, Anelastic3d];
    public static IReadOnlyList<string> Objectives { get; } = [ReferenceObjective, RectifiedObjective];
    public static IReadOnlyList<string> Atmospheres { get; } = [StructuredAtmosphere, ReferenceAtmosphere];

    public static IReadOnlyList<ResolutionTier> ResolutionTiers { get; } =
    [
        new(CustomTier, 0, 0, 0, 300, "Use user-provided grid settings."),
        new("global-low", 32, 64, 20, 600, "Coarse global coverage for overview maps."),
        new("regional", 64, 128, 35, 300, "Mid-resolution nests for continental zooms."),
        new("local-high", 96, 192, 40, 120, "High fidelity close to the player camera."),
    ];

    /// <summary>The model time step the data generator scales its tendency by, per simulation core.</summary>
    public static int RecommendedStepSeconds(string core) => core switch
    {
        Hydrostatic3d => 120,
        Anelastic3d => 60,
        _ => 300,
    };
}
