namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>The reference server's error body: <c>{"detail": "..."}</c>.</summary>
public sealed record DetailResponse(string Detail);
