namespace WeatherFlow.Contracts.Config;

public sealed record SimulationConfig
{
    public string Core { get; init; } = ConfigChoices.ShallowWater;

    /// <summary>Any tier but <c>custom</c> overrides the dataset's grid size.</summary>
    public string ResolutionTier { get; init; } = ConfigChoices.CustomTier;

    /// <summary>Free text; only <c>parametric</c> changes the data (halves the base state).</summary>
    public string InitialSource { get; init; } = "reanalysis";

    /// <summary>Free text; <c>reanalysis</c> and <c>parametric</c> change the data.</summary>
    public string BoundarySource { get; init; } = "reanalysis";

    /// <summary>Seeds the base state shared by every sample.</summary>
    public int Seed { get; init; }
    public TimeControlConfig TimeControl { get; init; } = new();
    public MoistureConfig Moisture { get; init; } = new();
    public SurfaceFluxConfig SurfaceFlux { get; init; } = new();
    public LodConfig Lod { get; init; } = new();

    /// <summary>
    /// WeatherFlow's addition. <c>structured</c> (default): smooth weather in physical units whose x1 is x0 carried by
    /// its own winds over the lead time. <c>reference</c>: the reference server's generator, bit for bit.
    /// </summary>
    public string Atmosphere { get; init; } = ConfigChoices.StructuredAtmosphere;
}
