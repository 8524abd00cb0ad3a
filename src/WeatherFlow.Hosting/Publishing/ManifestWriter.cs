using System.Text.Encodings.Web;
using System.Text.Json;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Publishing;

/// <summary>
/// Renders the app model as manifest resources, in model order, followed by the parameters that something refers to
/// (Aspire's generated passwords are not in the model, only referenced).
/// </summary>
internal sealed class ManifestWriter(DistributedApplicationExecutionContext executionContext, string manifestDirectory)
{
    private const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    // Placeholders and connection strings keep their characters as written (no \u0026 for '&' and the like).
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<ParameterResource> _referencedParameters = [];

    public async Task WriteAsync(Stream stream, IEnumerable<IResource> resources, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUrl);
        json.WriteStartObject("resources");
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            json.WriteStartObject(resource.Name);
            WriteResource(json, resource);
            json.WriteEndObject();
            written.Add(resource.Name);
        }
        for (var i = 0; i < _referencedParameters.Count; i++)
        {
            var parameter = _referencedParameters[i];
            if (written.Add(parameter.Name))
            {
                json.WriteStartObject(parameter.Name);
                WriteParameter(json, parameter);
                json.WriteEndObject();
            }
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private void WriteResource(Utf8JsonWriter json, IResource resource)
    {
        switch (resource)
        {
            case ContainerResource container:
                WriteContainer(json, container);
                break;
            case PostgresDatabaseResource database:
                json.WriteString("type", "value.v0");
                WriteConnectionString(json, database);
                break;
            case ProjectResource project:
                WriteProject(json, project);
                break;
            case ParameterResource parameter:
                WriteParameter(json, parameter);
                break;
            default:
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' ({resource.GetType().Name}) cannot be published: azd deploys only containers, projects, values and parameters.");
        }
    }

    private void WriteContainer(Utf8JsonWriter json, ContainerResource container)
    {
        json.WriteString("type", "container.v0");
        if (container is IResourceWithConnectionString withConnectionString)
        {
            WriteConnectionString(json, withConnectionString);
        }
        json.WriteString("image", $"{container.Image}:{container.Tag}");
        if (container.Entrypoint is { } entrypoint)
        {
            json.WriteString("entrypoint", entrypoint);
        }
        if (container.Args.Count > 0)
        {
            json.WriteStartArray("args");
            foreach (var arg in container.Args)
            {
                json.WriteStringValue(arg);
            }
            json.WriteEndArray();
        }
        WriteEnvironment(json, container);
        WriteBindings(json, container.Endpoints);
    }

    private void WriteProject(Utf8JsonWriter json, ProjectResource project)
    {
        json.WriteString("type", "project.v0");
        json.WriteString("path", Path.GetRelativePath(manifestDirectory, project.ProjectPath).Replace('\\', '/'));
        WriteEnvironment(json, project);
        WriteBindings(json, project.Endpoints);
    }

    private void WriteParameter(Utf8JsonWriter json, ParameterResource parameter)
    {
        json.WriteString("type", "parameter.v0");
        json.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        json.WriteStartObject("inputs");
        json.WriteStartObject("value");
        json.WriteString("type", "string");
        if (parameter.Secret)
        {
            json.WriteBoolean("secret", true);
        }
        if (parameter.Default is { } generate)
        {
            json.WriteStartObject("default");
            json.WriteStartObject("generate");
            json.WriteNumber("minLength", generate.MinLength);
            if (!generate.Special)
            {
                json.WriteBoolean("special", false);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteConnectionString(Utf8JsonWriter json, IResourceWithConnectionString resource)
    {
        TrackParameters(resource.ConnectionStringExpression);
        json.WriteString("connectionString", resource.ConnectionStringExpression.ValueExpression);
    }

    private void WriteEnvironment(Utf8JsonWriter json, IResourceWithEnvironment resource)
    {
        var context = new EnvironmentCallbackContext(executionContext, resource);
        foreach (var callback in resource.EnvironmentCallbacks)
        {
            callback(context);
        }
        if (context.EnvironmentVariables.Count == 0)
        {
            return;
        }
        json.WriteStartObject("env");
        foreach (var (name, value) in context.EnvironmentVariables)
        {
            json.WriteString(name, Render(value));
        }
        json.WriteEndObject();
    }

    private static void WriteBindings(Utf8JsonWriter json, IEnumerable<EndpointAnnotation> endpoints)
    {
        json.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            json.WriteStartObject(endpoint.Name);
            json.WriteString("scheme", endpoint.UriScheme);
            json.WriteString("protocol", endpoint.Protocol);
            json.WriteString("transport", endpoint.Transport);
            if (endpoint.TargetPort is { } targetPort)
            {
                json.WriteNumber("targetPort", targetPort);
            }
            if (endpoint.IsExternal)
            {
                json.WriteBoolean("external", true);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private string Render(object value)
    {
        if (value is string text)
        {
            return text;
        }
        if (value is not IManifestExpressionProvider expression)
        {
            throw new DistributedApplicationException($"An environment value of type {value.GetType().Name} cannot be written to the manifest.");
        }
        TrackParameters(expression);
        return expression.ValueExpression;
    }

    private void TrackParameters(object provider)
    {
        switch (provider)
        {
            case ParameterResource parameter when !_referencedParameters.Contains(parameter):
                _referencedParameters.Add(parameter);
                break;
            case ReferenceExpression reference:
                foreach (var inner in reference.ValueProviders)
                {
                    TrackParameters(inner);
                }
                break;
            case IResourceWithConnectionString resource:
                TrackParameters(resource.ConnectionStringExpression);
                break;
        }
    }
}
