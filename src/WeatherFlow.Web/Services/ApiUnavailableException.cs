namespace WeatherFlow.Web.Services;

/// <summary>The api could not be reached or did not answer in time; pages show this instead of failing.</summary>
public sealed class ApiUnavailableException(string message, Exception innerException) : Exception(message, innerException);
