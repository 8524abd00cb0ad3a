namespace WeatherFlow.Hosting.ApplicationModel;

public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}
