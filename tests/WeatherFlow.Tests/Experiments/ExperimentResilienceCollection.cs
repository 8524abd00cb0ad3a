namespace WeatherFlow.Tests.Experiments;

/// <summary>Tests that kill processes or stop servers: they run alone, on a composition of their own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExperimentResilienceCollection
{
    public const string Name = "experiments-resilience";
}
