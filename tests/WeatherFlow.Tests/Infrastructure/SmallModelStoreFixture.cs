namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The composition with trainers that may keep a model of at most 1,000 bytes: smaller than any real one.</summary>
public sealed class SmallModelStoreFixture : CompositionFixture
{
    public const long MaxModelBytes = 1000;

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        var trainer = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == CompositionResources.Trainer);
        appHost.CreateResourceBuilder(trainer).WithEnvironment("ModelStore__MaxModelBytes", MaxModelBytes.ToString());
    }
}
