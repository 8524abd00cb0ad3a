namespace WeatherFlow.Experiments.Data;

/// <summary>
/// The timing of a trainer's hold on a running experiment. The trainer refreshes <see cref="Experiment.HeartbeatAt"/>
/// every <see cref="HeartbeatInterval"/>; after <see cref="StaleAfter"/> without one, the experiment is sent again
/// and another trainer may take it over.
/// </summary>
public static class ExperimentLease
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);
}
