namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The composition with small stores: trainers that may keep a model of at most 1,000 bytes (smaller than
/// any real one), an api whose results may take 800,000 bytes in all (one 32×64 run's, not two), and a dataset
/// storage quota of 100,000 bytes per account (a few small uploads).</summary>
public sealed class SmallStoresFixture : CompositionFixture
{
    public const long MaxModelBytes = 1000;

    public const long ResultsMaxTotalBytes = 800_000;

    public const long DatasetQuotaBytes = 100_000;

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        appHost.Project(CompositionResources.Trainer).WithEnvironment("ModelStore__MaxModelBytes", MaxModelBytes.ToString());
        appHost.Project(CompositionResources.Api).WithEnvironment("Retention__ResultsMaxTotalBytes", ResultsMaxTotalBytes.ToString())
            .WithEnvironment("Datasets__StorageQuotaBytes", DatasetQuotaBytes.ToString());
    }
}
