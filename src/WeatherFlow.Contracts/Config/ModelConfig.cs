namespace WeatherFlow.Contracts.Config;

public sealed record ModelConfig
{
    /// <summary><c>grid</c> or <c>icosahedral</c>; the reference advertises icosahedral as its default but cannot run it.</summary>
    public string Backbone { get; init; } = ConfigChoices.Icosahedral;
    public int HiddenDim { get; init; } = 96;
    public int NLayers { get; init; } = 3;
    public bool UseAttention { get; init; } = true;
    public bool PhysicsInformed { get; init; } = true;

    /// <summary>Attention window edge; 0 means min(H, W, 16).</summary>
    public int WindowSize { get; init; } = 8;
    public bool SphericalPadding { get; init; }
    public bool UseGraphMp { get; init; }

    /// <summary>Icosphere refinement of the icosahedral backbone.</summary>
    public int Subdivisions { get; init; } = 1;

    /// <summary>Accepted for compatibility; the grid↔mesh weights are cheap and are always computed in memory.</summary>
    public string? InterpCacheDir { get; init; }
}
