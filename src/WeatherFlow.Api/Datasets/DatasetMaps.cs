using WeatherFlow.Datasets;
using WeatherFlow.Datasets.NetCdf;
using WeatherFlow.Data.DatasetFiles;
using WeatherFlow.Data.Datasets;

namespace WeatherFlow.Api.Datasets;

/// <summary>One channel of a dataset at one step, read from a local copy of its file (fetched from blob storage once per version).</summary>
public sealed class DatasetMaps(DatasetFileStore files, IOptions<DatasetOptions> options)
{
    public async Task<DatasetStep?> ReadAsync(Dataset dataset, string channelName, int step, CancellationToken cancellationToken)
    {
        var description = DatasetJson.Read(dataset.Description);
        if (description.Channels.FirstOrDefault(channel => channel.Name == channelName) is not { } channel || step < 0 || step >= description.Time.Count)
        {
            return null;
        }
        var file = description.Files.First(file => file.Name == channel.File);
        var folder = Path.Combine(options.Value.UploadDirectory, "copies", dataset.Digest);
        var path = await files.LocalCopyAsync(dataset.Id, file.Name, file.Bytes, folder, cancellationToken);
        var values = DatasetLoader.ReadStep([new DatasetFilePath(file.Name, path)], description, channel, step, new NetCdfLimits());
        var width = description.Grid.Width;
        return new DatasetStep(channelName, step, description.Time.TimeOf(step), channel.Units, description.Grid.Latitudes, description.Grid.Longitudes,
            [.. values.Chunk(width).Select(row => (IReadOnlyList<double?>)[.. row.Select(value => float.IsFinite(value) ? (double?)value : null)])]);
    }
}
