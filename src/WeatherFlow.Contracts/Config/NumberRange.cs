namespace WeatherFlow.Contracts.Config;

/// <summary>The values a numeric config field admits: <see cref="Min"/> (excluded when <see cref="MinExclusive"/>)
/// to <see cref="Max"/>, whole numbers only when <see cref="WholeNumbers"/>.</summary>
public sealed record NumberRange(double Min, double Max, bool WholeNumbers = true, bool MinExclusive = false);
