using Microsoft.Extensions.Configuration;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A parameter read from <c>Parameters:{name}</c> in the AppHost's configuration.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false)
    {
        var resource = new ParameterResource(name, () => builder.Configuration[$"Parameters:{name}"]
            ?? throw new DistributedApplicationException($"Parameter resource could not be used because configuration key 'Parameters:{name}' is missing."), secret);
        return builder.AddResource(resource);
    }

    /// <summary>
    /// A secret generated once and persisted in the state folder unless <c>Parameters:{name}</c> is configured.
    /// Like Aspire's default passwords it is not added to the model: the manifest lists it because something refers to it.
    /// </summary>
    public static ParameterResource CreateGeneratedParameter(this IDistributedApplicationBuilder builder, string name, bool special)
    {
        var state = ((DistributedApplicationBuilder)builder).State;
        return new ParameterResource(name, () => builder.Configuration[$"Parameters:{name}"] ?? state.Value.GetOrCreateSecret(name), secret: true)
        {
            Default = new GenerateParameterDefault(MinLength: 22, Special: special),
        };
    }
}
