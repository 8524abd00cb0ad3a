namespace WeatherFlow.Contracts.Config;

/// <summary>A rule an <see cref="ExperimentConfig"/> breaks: the section and field (camelCase, as serialised) and why.</summary>
public sealed record ConfigViolation(string Section, string Field, string Message)
{
    public override string ToString() => $"{Section}.{Field}: {Message}";
}
