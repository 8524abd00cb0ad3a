namespace WeatherFlow.Api.Datasets;

/// <summary>An upload refused before anything was stored; answered as ProblemDetails with <see cref="StatusCode"/>.</summary>
public sealed class DatasetUploadException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;
}
