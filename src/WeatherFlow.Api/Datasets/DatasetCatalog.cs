using Npgsql;
using WeatherFlow.Datasets;
using WeatherFlow.Datasets.NetCdf;
using WeatherFlow.Data.DatasetFiles;
using WeatherFlow.Data.Datasets;

namespace WeatherFlow.Api.Datasets;

/// <summary>
/// The datasets a caller may see (its own and the public ones; an admin every one) and the changes it may make.
/// A dataset's files go to blob storage before its row is written, so a listed dataset always has its files; a
/// deleted one loses its row first, so no new run can name it, then its files.
/// </summary>
public sealed class DatasetCatalog(WeatherDbContext db, Caller caller, DatasetFileStore files, IOptions<DatasetOptions> options, TimeProvider time, ILogger<DatasetCatalog> logger)
{
    public async Task<List<DatasetInfo>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await Visible().OrderBy(d => d.OwnerId != null).ThenByDescending(d => d.CreatedAt).ToListAsync(cancellationToken)).Select(Info)];

    public async Task<Dataset?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Visible().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>By id, or by name (the caller's own first, then a public one).</summary>
    public async Task<Dataset?> FindAsync(string idOrName, CancellationToken cancellationToken) =>
        Guid.TryParse(idOrName, out var id)
            ? await FindAsync(id, cancellationToken)
            : await Visible().Where(d => d.Name == idOrName).OrderBy(d => d.OwnerId != caller.AccountId).ThenByDescending(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    public DatasetInfo Info(Dataset dataset) => new(dataset.Id, dataset.Name, dataset.IsPublic, dataset.OwnerId is null,
        dataset.OwnerId is not null && dataset.OwnerId == caller.AccountId, dataset.CreatedAt, dataset.Bytes, dataset.Digest,
        dataset.Provenance, dataset.Licence, DatasetJson.Read(dataset.Description));

    /// <summary>What the caller's storage quota leaves for an upload.</summary>
    public async Task<long> AllowedBytesAsync(string accountId, CancellationToken cancellationToken) =>
        Math.Max(0, options.Value.StorageQuotaBytes - await db.Datasets.Where(d => d.OwnerId == accountId).SumAsync(d => d.Bytes, cancellationToken));

    /// <summary>Checks the spooled files and stores them; nothing is kept when they are refused.</summary>
    /// <exception cref="DatasetRejectedException">The files are not a dataset.</exception>
    public async Task<Dataset> CreateAsync(DatasetUpload upload, string accountId, CancellationToken cancellationToken)
    {
        var description = DatasetInspector.Inspect(upload.Files, upload.Hints, new NetCdfLimits());
        var dataset = new Dataset
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = upload.Name,
            OwnerId = accountId,
            CreatedAt = time.GetUtcNow(),
            Bytes = upload.Bytes,
            Digest = upload.Digest,
            Description = DatasetJson.Write(description),
            Provenance = upload.Provenance,
            Licence = upload.Licence,
        };
        await StoreAsync(dataset, upload.Files, cancellationToken);
        return dataset;
    }

    /// <summary>Uploads the files, then writes the row; a failure takes the files back out.</summary>
    public async Task StoreAsync(Dataset dataset, IReadOnlyList<DatasetFilePath> paths, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var path in paths)
            {
                await using var content = File.OpenRead(path.Path);
                await files.UploadAsync(dataset.Id, path.Name, content, cancellationToken);
            }
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(dataset.Id, CancellationToken.None);
            throw;
        }
    }

    public async Task<DatasetDeletion> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } dataset || !(caller.IsAdmin || (dataset.OwnerId is not null && dataset.OwnerId == caller.AccountId)))
        {
            return DatasetDeletion.NotFound();
        }
        if (dataset.OwnerId is null)
        {
            return DatasetDeletion.Refused("A built-in dataset is registered again at every start; it cannot be deleted.");
        }
        var source = id.ToString();
        var users = await db.Experiments.Where(e => e.DatasetSource == source && (e.Status == ExperimentJobStatus.Queued || e.Status == ExperimentJobStatus.Running))
            .Select(e => e.Id).Take(5).ToListAsync(cancellationToken);
        if (users.Count > 0)
        {
            return DatasetDeletion.Refused($"Queued or running experiments use dataset {id} ({string.Join(", ", users)}); cancel them or wait until they finish.");
        }
        db.Datasets.Remove(dataset);
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(id, cancellationToken);
        logger.LogInformation("Dataset {DatasetId} ({Name}) deleted with its files", id, dataset.Name);
        return DatasetDeletion.Deleted();
    }

    private IQueryable<Dataset> Visible() =>
        caller.IsAdmin ? db.Datasets : db.Datasets.Where(d => d.IsPublic || d.OwnerId == null || (caller.AccountId != null && d.OwnerId == caller.AccountId));

    public static bool IsDuplicate(DbUpdateException exception) => exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}

public sealed record DatasetDeletion(bool Found, string? RefusedBecause)
{
    public static DatasetDeletion NotFound() => new(false, null);
    public static DatasetDeletion Refused(string reason) => new(true, reason);
    public static DatasetDeletion Deleted() => new(true, null);
}
