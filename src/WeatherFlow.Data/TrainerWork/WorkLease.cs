namespace WeatherFlow.Data.TrainerWork;

/// <summary>
/// The timing of a trainer's hold on running work. The trainer refreshes <see cref="ILeasedWork.HeartbeatAt"/>
/// every <see cref="HeartbeatInterval"/>; after <see cref="StaleAfter"/> without one, the api sends the work again
/// and another trainer may take it over.
/// </summary>
public static class WorkLease
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);
}
