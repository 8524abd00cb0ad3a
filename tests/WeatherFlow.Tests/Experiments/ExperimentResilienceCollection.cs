namespace WeatherFlow.Tests.Experiments;

/// <summary>Tests that kill processes or stop servers, on compositions of their own, one after another (their lane is
/// <see cref="Infrastructure.TestLanes.Isolated"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExperimentResilienceCollection
{
    public const string Name = "experiments-resilience";
}
