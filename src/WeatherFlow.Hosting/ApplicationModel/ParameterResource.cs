namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>
/// An external value such as <c>postgres-password</c>. Run mode reads <c>Parameters:{name}</c> from the AppHost's
/// configuration, or for generated secrets creates the value once and keeps it in the state folder.
/// </summary>
public sealed class ParameterResource(string name, Func<string> valueSource, bool secret) : Resource(name), IValueProvider, IManifestExpressionProvider
{
    private readonly Lazy<string> _value = new(valueSource);

    public bool Secret { get; } = secret;

    /// <summary>How a deployment generates the value when nobody supplies one; null when it must be supplied.</summary>
    public GenerateParameterDefault? Default { get; init; }

    public string Value => _value.Value;

    public string ValueExpression => $"{{{Name}.value}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => new(Value);
}
