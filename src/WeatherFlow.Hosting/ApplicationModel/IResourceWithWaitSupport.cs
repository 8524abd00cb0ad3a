namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A resource that can be told to start only once other resources are healthy.</summary>
public interface IResourceWithWaitSupport : IResource
{
    IList<IResource> WaitsFor { get; }

    /// <summary>Every resource this one was given with <c>WithReference</c>.</summary>
    IList<IResource> References { get; }
}
