namespace WeatherFlow.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class CompositionCollection : ICollectionFixture<CompositionFixture>
{
    public const string Name = "composition";
}
