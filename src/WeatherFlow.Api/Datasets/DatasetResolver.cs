using WeatherFlow.Datasets;

namespace WeatherFlow.Api.Datasets;

/// <summary>
/// Completes an experiment config that names a dataset, at the edge: the name becomes the dataset's id and digest
/// (so a replaced dataset is another cache key), omitted members get the dataset's defaults, and whatever does not
/// fit the dataset is listed as the contract's 422 errors naming the field.
/// </summary>
public sealed class DatasetResolver(DatasetCatalog catalog)
{
    /// <returns>The completed config and the dataset's name (null for the synthetic atmosphere), or the errors.</returns>
    public async Task<(ExperimentConfig? Config, string? DatasetName, IReadOnlyList<ConfigError> Errors)> ResolveAsync(ExperimentConfig config, CancellationToken cancellationToken)
    {
        if (config.Dataset.Source is not { } source)
        {
            return (config, null, []);
        }
        if (await catalog.FindAsync(source, cancellationToken) is not { } dataset)
        {
            return (null, null, [ConfigError.Of(new("dataset", "source", $"there is no dataset '{source}' you can use; GET /api/datasets lists them"))]);
        }
        var description = DatasetJson.Read(dataset.Description);
        var resolved = DatasetConfigRules.Resolve(config, dataset.Id.ToString(), dataset.Digest, description);
        var violations = DatasetConfigRules.Find(resolved, description).Concat(resolved.FindViolations()).ToList();
        return violations.Count == 0 ? (resolved, dataset.Name, []) : (null, null, [.. violations.Select(ConfigError.Of)]);
    }
}
