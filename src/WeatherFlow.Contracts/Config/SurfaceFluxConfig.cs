namespace WeatherFlow.Contracts.Config;

/// <param name="OptimizedForRealTime">Accepted and echoed; the reference does not use it either.</param>
public sealed record SurfaceFluxConfig(
    double LatentCoeff = 0.35,
    double SensibleCoeff = 0.2,
    double DragCoeff = 0.05,
    bool OptimizedForRealTime = true);
