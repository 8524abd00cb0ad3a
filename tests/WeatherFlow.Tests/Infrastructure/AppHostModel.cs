namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The AppHost's model as a test changes it before it is built.</summary>
public static class AppHostModel
{
    /// <summary>The project resource named <paramref name="name"/> (one of <see cref="CompositionResources"/>).</summary>
    public static IResourceBuilder<ProjectResource> Project(this IDistributedApplicationTestingBuilder appHost, string name) =>
        appHost.CreateResourceBuilder(appHost.Resources.OfType<ProjectResource>().Single(resource => resource.Name == name));
}
