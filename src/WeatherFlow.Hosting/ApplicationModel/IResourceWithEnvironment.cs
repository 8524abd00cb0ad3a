namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A resource whose environment is built by callbacks, as Aspire's <c>EnvironmentCallbackAnnotation</c>s.</summary>
public interface IResourceWithEnvironment : IResource
{
    IList<Action<EnvironmentCallbackContext>> EnvironmentCallbacks { get; }
}
