namespace WeatherFlow.Contracts.Jobs;

/// <summary>The body of <c>PATCH /api/experiments/{id}</c>. A field left out (or null) stays as it is; an empty
/// tag list removes the tags and an empty note removes the note. A name cannot be emptied.</summary>
public sealed record ExperimentLabelsUpdate(string? Name, IReadOnlyList<string>? Tags, string? Note);
