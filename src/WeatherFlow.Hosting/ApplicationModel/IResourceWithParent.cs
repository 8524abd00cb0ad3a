namespace WeatherFlow.Hosting.ApplicationModel;

public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

public interface IResourceWithParent<out T> : IResourceWithParent where T : IResource
{
    new T Parent { get; }

    IResource IResourceWithParent.Parent => Parent;
}
