namespace WeatherFlow.Api.Datasets;

/// <summary>
/// Marks an endpoint whose body is bounded by the caller's dataset storage quota, enforced as the body is read,
/// instead of by the api's small limit for every other body.
/// </summary>
public sealed class UploadBodyLimit;
