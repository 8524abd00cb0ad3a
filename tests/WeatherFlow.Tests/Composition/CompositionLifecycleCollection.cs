namespace WeatherFlow.Tests.Composition;

/// <summary>Runs alone, after the parallel collections, so that two full compositions never compete for 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompositionLifecycleCollection
{
    public const string Name = "composition-lifecycle";
}
