namespace WeatherFlow.Contracts.Messaging;

/// <summary>
/// Command sent by the api to the trainers' one durable work queue: run the stored work with this id. The message
/// carries no payload; the trainer that claims the work reads what it needs from its row, so a command sent twice
/// (by the api's sweep after a lost trainer) is harmless.
/// </summary>
public sealed record RunTrainerWork(TrainerWorkKind Kind, Guid WorkId);
