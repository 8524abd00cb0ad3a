namespace WeatherFlow.Contracts.Messaging;

public static class QueueNames
{
    /// <summary>The one durable queue that trainers consume <see cref="RunTrainerWork"/> from, whatever its kind.</summary>
    public const string TrainerWork = "trainer-work";
}
