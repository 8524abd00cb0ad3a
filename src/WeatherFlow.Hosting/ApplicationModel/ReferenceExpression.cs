using System.Globalization;
using System.Runtime.CompilerServices;

namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>
/// A string with value placeholders, written as an interpolated string:
/// <c>ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};Password={password}")</c>.
/// Run mode resolves it to a concrete string; the manifest renders it with <c>{resource.path}</c> placeholders.
/// </summary>
public sealed class ReferenceExpression : IValueProvider, IManifestExpressionProvider
{
    private ReferenceExpression(string format, IReadOnlyList<IValueProvider> valueProviders)
    {
        Format = format;
        ValueProviders = valueProviders;
    }

    /// <summary>A composite format string; <c>{0}</c>, <c>{1}</c>… stand for <see cref="ValueProviders"/>.</summary>
    public string Format { get; }

    /// <summary>Each provider is also an <see cref="IManifestExpressionProvider"/>.</summary>
    public IReadOnlyList<IValueProvider> ValueProviders { get; }

    public string ValueExpression => string.Format(CultureInfo.InvariantCulture, Format,
        [.. ValueProviders.Select(p => (object)((IManifestExpressionProvider)p).ValueExpression)]);

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var values = new object?[ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ValueProviders[i].GetValueAsync(cancellationToken);
        }
        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => handler.Build();

    public override string ToString() => ValueExpression;

    [InterpolatedStringHandler]
    public ref struct ExpressionInterpolatedStringHandler
    {
        private readonly System.Text.StringBuilder _format;
        private readonly List<IValueProvider> _providers;

        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _format = new System.Text.StringBuilder(literalLength + formattedCount * 4);
            _providers = new List<IValueProvider>(formattedCount);
        }

        public readonly void AppendLiteral(string value) => _format.Append(value.Replace("{", "{{").Replace("}", "}}"));

        public readonly void AppendFormatted(string? value) => AppendLiteral(value ?? "");

        public readonly void AppendFormatted<T>(T provider) where T : IValueProvider, IManifestExpressionProvider
        {
            _format.Append(CultureInfo.InvariantCulture, $"{{{_providers.Count}}}");
            _providers.Add(provider);
        }

        internal readonly ReferenceExpression Build() => new(_format.ToString(), _providers);
    }
}
