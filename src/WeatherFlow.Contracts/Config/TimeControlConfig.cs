namespace WeatherFlow.Contracts.Config;

public sealed record TimeControlConfig(int StepSeconds = 300, int ReplayLengthSeconds = 1800, int BoundaryUpdateSeconds = 900);
