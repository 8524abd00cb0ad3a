namespace WeatherFlow.Contracts.Config;

public sealed record MoistureConfig(
    bool Enable = true,
    double CondensationThreshold = 0.55,
    double CondensationRate = 0.12,
    double EvaporationRate = 0.05,
    double CloudEntrainment = 0.1);
