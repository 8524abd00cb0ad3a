using System.Security.Cryptography;
using System.Text;
using WeatherFlow.Datasets;
using WeatherFlow.Datasets.NetCdf;
using WeatherFlow.Data.Datasets;

namespace WeatherFlow.Api.Datasets;

/// <summary>
/// Registers NCAR's storm episode (Debian's libncarg-data) once as the public dataset <see cref="StormName"/>, after
/// the migrations. It retries while blob storage or the database is down, and gives up with a warning when the
/// package is not installed. Its id is derived from its name, so replicas starting together upload the same blobs
/// and only the first row is kept (a unique index on built-in names).
/// </summary>
public sealed class BuiltInDatasets(IServiceScopeFactory scopes, IOptions<DatasetOptions> options, ILogger<BuiltInDatasets> logger) : BackgroundService
{
    public const string StormName = "ncar-storm-1996";

    private static readonly string[] StormFiles = ["Tstorm.cdf", "Pstorm.cdf", "Ustorm.cdf", "Vstorm.cdf", "U500storm.cdf", "V500storm.cdf"];

    /// <summary>The files have no units, an integer time axis in hours and a reference time only as text; steps 36–37 jump.</summary>
    private static readonly DatasetHints StormHints = new()
    {
        StepHours = 6,
        Start = new DateTimeOffset(1996, 1, 5, 0, 0, 0, TimeSpan.Zero),
        Units = new Dictionary<string, string> { ["t"] = "K", ["p"] = "Pa", ["u"] = "m/s", ["v"] = "m/s" },
        FileLevels = new Dictionary<string, double> { ["U500storm.cdf"] = 500, ["V500storm.cdf"] = 500 },
        DefectiveSteps = [36, 37],
    };

    private const string StormProvenance =
        "A 16-day winter episode over North America, 1996-01-05 00 UTC to 1996-01-20 18 UTC every 6 hours: NMC (now NCEP) analyses "
        + "and short forecasts of surface temperature (t, K), sea-level pressure (p, Pa), surface winds (u, v, m/s) and 500 hPa winds "
        + "(u@500, v@500), on a 33 × 36 grid (20–60° N every 1.25°, 140–52.5° W every 2.5°), converted to NetCDF by Unidata and "
        + "shipped as NCAR Command Language example data in Debian's libncarg-data (Tstorm, Pstorm, Ustorm, Vstorm, U500storm, "
        + "V500storm .cdf). t is missing at step 17; steps 36–37 jump and are marked defective; the southern corners are fill values.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(2);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RegisterStormAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Registering the built-in dataset {Name} failed; retrying in {Delay}", StormName, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    private async Task RegisterStormAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        if (await db.Datasets.AnyAsync(d => d.OwnerId == null && d.Name == StormName, cancellationToken))
        {
            return;
        }
        var paths = StormFiles.Select(name => new DatasetFilePath(name, Path.Combine(options.Value.BuiltInDirectory, name))).ToList();
        if (paths.FirstOrDefault(path => !File.Exists(path.Path)) is { } missing)
        {
            logger.LogWarning("The built-in dataset {Name} is not offered: {Path} is missing (install Debian's libncarg-data)", StormName, missing.Path);
            return;
        }
        var description = DatasetInspector.Inspect(paths, StormHints, new NetCdfLimits());
        var hashes = paths.Select(path => (path.Name, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path.Path)))));
        var dataset = new Dataset
        {
            Id = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"weatherflow-built-in-dataset:{StormName}"))),
            Name = StormName,
            IsPublic = true,
            CreatedAt = DateTimeOffset.UtcNow,
            Bytes = description.Files.Sum(file => file.Bytes),
            Digest = DatasetUploadReader.Digest(hashes.OrderBy(file => file.Name, StringComparer.Ordinal)),
            Description = DatasetJson.Write(description),
            Provenance = StormProvenance,
            Licence = Licence(options.Value.BuiltInCopyrightFile),
        };
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatasetCatalog>().StoreAsync(dataset, paths, cancellationToken);
            logger.LogInformation("Registered the built-in dataset {Name} ({Channels} channels, {Steps} steps)", StormName, description.Channels.Count, description.Time.Count);
        }
        catch (DbUpdateException exception) when (DatasetCatalog.IsDuplicate(exception))
        {
            logger.LogInformation("The built-in dataset {Name} was registered by another replica", StormName);
        }
    }

    /// <summary>The package's copyright stanza for its own files ("Files: *"), which covers the example data.</summary>
    private static string? Licence(string copyrightFile)
    {
        if (!File.Exists(copyrightFile))
        {
            return null;
        }
        var stanzas = File.ReadAllText(copyrightFile).Split("\n\n");
        return stanzas.FirstOrDefault(stanza => stanza.StartsWith("Files: *", StringComparison.Ordinal))?.Trim();
    }
}
