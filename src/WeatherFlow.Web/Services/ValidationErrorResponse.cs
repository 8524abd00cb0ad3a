using WeatherFlow.Contracts.Experiments;

namespace WeatherFlow.Web.Services;

/// <summary>The api's 422 body, FastAPI style: <c>{"detail": [{type, loc, msg, input, ctx}, ...]}</c>.</summary>
public sealed record ValidationErrorResponse(IReadOnlyList<ConfigError> Detail);
