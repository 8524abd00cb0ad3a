namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>A resource other resources reach through <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString : IResource, IValueProvider, IManifestExpressionProvider
{
    ReferenceExpression ConnectionStringExpression { get; }

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";

    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) =>
        GetConnectionStringAsync(cancellationToken);

    ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ConnectionStringExpression.GetValueAsync(cancellationToken);
}
