namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>Something the manifest refers to by placeholder, e.g. <c>{postgres.bindings.tcp.host}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
