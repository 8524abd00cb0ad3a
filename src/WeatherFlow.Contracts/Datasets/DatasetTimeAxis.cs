namespace WeatherFlow.Contracts.Datasets;

/// <summary>A regular time axis: <see cref="Count"/> steps <see cref="StepHours"/> apart from <see cref="Start"/> (null when no file says).</summary>
public sealed record DatasetTimeAxis(DateTimeOffset? Start, double StepHours, int Count)
{
    public DateTimeOffset? TimeOf(int step) => Start?.AddHours(step * StepHours);
}
