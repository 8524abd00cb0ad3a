namespace WeatherFlow.Web.Rendering;

/// <summary>One line of a lead-time chart: a score at each lead time, in hours.</summary>
public sealed record LeadSeries(string Name, string Color, bool Dashed, IReadOnlyList<(double LeadHours, double Value)> Points);
