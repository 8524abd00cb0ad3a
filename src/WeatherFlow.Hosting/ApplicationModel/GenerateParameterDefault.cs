namespace WeatherFlow.Hosting.ApplicationModel;

/// <summary>Aspire's <c>{"generate": {"minLength": 22, "special": false}}</c> parameter default.</summary>
public sealed record GenerateParameterDefault(int MinLength = 22, bool Special = true);
