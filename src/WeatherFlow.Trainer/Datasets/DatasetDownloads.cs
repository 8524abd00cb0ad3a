using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Datasets;
using WeatherFlow.Datasets.NetCdf;
using WeatherFlow.Data.DatasetFiles;

namespace WeatherFlow.Trainer.Datasets;

/// <summary>
/// Brings a run's dataset files from blob storage to a local folder keyed by the dataset's digest, once per trainer
/// machine: the next run on the same dataset version reads them from disk.
/// </summary>
public sealed class DatasetDownloads(IServiceScopeFactory scopes, DatasetFileStore files, IOptions<TrainerOptions> options)
{
    /// <returns>The files and what inspection found in them; null for a run on the synthetic atmosphere.</returns>
    /// <exception cref="ExperimentFailedException">The dataset was deleted or replaced since the run was submitted.</exception>
    public async Task<DatasetDownload?> FetchAsync(DatasetConfig dataset, CancellationToken cancellationToken)
    {
        if (dataset.Source is null)
        {
            return null;
        }
        if (!Guid.TryParse(dataset.Source, out var id))
        {
            throw new ExperimentFailedException($"dataset.source '{dataset.Source}' is not a dataset id.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        var row = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new ExperimentFailedException($"Dataset {id} no longer exists.");
        if (row.Digest != dataset.SourceDigest)
        {
            throw new ExperimentFailedException($"Dataset {id} changed since the run was submitted (digest {row.Digest}, not {dataset.SourceDigest}).");
        }
        var description = DatasetJson.Read(row.Description);
        var folder = Path.Combine(options.Value.DatasetCacheDirectory, row.Digest);
        var paths = new List<DatasetFilePath>();
        foreach (var file in description.Files)
        {
            paths.Add(new DatasetFilePath(file.Name, await files.LocalCopyAsync(id, file.Name, file.Bytes, folder, cancellationToken)));
        }
        return new DatasetDownload(paths, description);
    }

    /// <summary>Reads the downloaded files into the run's fields; CPU-bound, so the run's thread calls it.</summary>
    /// <exception cref="ExperimentFailedException">The files no longer read as the dataset they were when uploaded.</exception>
    public static GriddedFields Read(DatasetDownload download, DatasetConfig dataset)
    {
        try
        {
            return DatasetLoader.Load(download.Files, download.Description, dataset.Channels ?? [], new NetCdfLimits());
        }
        catch (DatasetRejectedException exception)
        {
            throw new ExperimentFailedException($"The dataset's files could not be read: {exception.Message}");
        }
    }
}

public sealed record DatasetDownload(IReadOnlyList<DatasetFilePath> Files, DatasetDescription Description);
