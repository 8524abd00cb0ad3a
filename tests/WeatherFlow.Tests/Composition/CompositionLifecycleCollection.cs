namespace WeatherFlow.Tests.Composition;

/// <summary>Tests that start, stop and kill compositions and servers of their own, one after another (their lane is
/// <see cref="Infrastructure.TestLanes.Isolated"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CompositionLifecycleCollection
{
    public const string Name = "composition-lifecycle";
}
