namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>FastAPI's 422 body: <c>{"detail": [{type, loc, msg, input, ctx}, ...]}</c>, every failing field.</summary>
public sealed record ValidationErrorResponse(IReadOnlyList<ConfigError> Detail);
