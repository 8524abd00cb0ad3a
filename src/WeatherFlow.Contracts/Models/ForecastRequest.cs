namespace WeatherFlow.Contracts.Models;

/// <summary>
/// A new forecast from a stored model, already checked: start from the first validation state of the run's atmosphere
/// drawn with <paramref name="Seed"/>, or from <paramref name="Initial"/> ([channel][lat][lon] in physical units, in
/// the model's channel order), and solve over <paramref name="TimeSteps"/> points of [0, 1] with
/// <paramref name="SolverMethod"/>.
/// </summary>
public sealed record ForecastRequest(int Seed, IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>>? Initial, int TimeSteps, string SolverMethod);
