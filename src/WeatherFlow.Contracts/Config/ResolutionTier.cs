namespace WeatherFlow.Contracts.Config;

/// <summary>A simulation grid preset as <c>GET /api/options</c> lists it; lat/lon 0 means "use the dataset's grid".</summary>
public sealed record ResolutionTier(string Name, int Lat, int Lon, int VerticalLevels, int TimeStepSeconds, string Description);
