namespace WeatherFlow.TestSupport;

/// <summary>Every test class of an api test project shares one <see cref="ApiFixture"/>: one start of the servers.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
