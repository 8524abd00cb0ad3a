using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WeatherFlow.TestSupport;

/// <summary>NetCDF files written by Debian's ncgen (another implementation of the format), and the api calls on datasets.</summary>
internal static class DatasetUploads
{
    public const string Path = "/api/datasets";

    /// <summary>A CF file: <paramref name="variable"/>(time=12, lat=6, lon=8) every 6 h from 2000-01-01, a regional grid, value = 280 + step + row.</summary>
    public static byte[] Write(string variable, string kind)
    {
        var directory = Directory.CreateTempSubdirectory("weatherflow-ncgen-");
        try
        {
            var values = string.Join(", ", from step in Enumerable.Range(0, 12) from row in Enumerable.Range(0, 6) from column in Enumerable.Range(0, 8) select 280 + step + row);
            var cdl = $$"""
                netcdf upload {
                dimensions: time = UNLIMITED ; lat = 6 ; lon = 8 ;
                variables:
                  double time(time) ; time:units = "hours since 2000-01-01 00:00" ;
                  float lat(lat) ; lat:units = "degrees_north" ;
                  float lon(lon) ; lon:units = "degrees_east" ;
                  float {{variable}}(time, lat, lon) ; {{variable}}:units = "K" ;
                data:
                  time = 0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66 ;
                  lat = 30, 32, 34, 36, 38, 40 ;
                  lon = 0, 2, 4, 6, 8, 10, 12, 14 ;
                  {{variable}} = {{values}} ;
                }
                """;
            var cdlPath = System.IO.Path.Combine(directory.FullName, "upload.cdl");
            var ncPath = System.IO.Path.Combine(directory.FullName, "upload.nc");
            File.WriteAllText(cdlPath, cdl);
            using var ncgen = Process.Start(new ProcessStartInfo("ncgen", ["-k", kind, "-o", ncPath, cdlPath]) { RedirectStandardError = true })!;
            var error = ncgen.StandardError.ReadToEnd();
            ncgen.WaitForExit();
            Assert.True(ncgen.ExitCode == 0, error);
            return File.ReadAllBytes(ncPath);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string name, IEnumerable<(string FileName, byte[] Content)> files, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent { { new StringContent(name), "name" } };
        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/x-netcdf");
            form.Add(part, "files", fileName);
        }
        return await api.PostAsync(Path, form, ct);
    }

    public static async Task<List<Guid>> ListedIdsAsync(HttpClient api, CancellationToken ct) =>
        [.. (await api.GetFromJsonAsync<JsonElement>(Path, ct)).EnumerateArray().Select(dataset => dataset.GetProperty("id").GetGuid())];

    /// <summary>The built-in dataset, once the api has registered it (it does so in the background after its migrations).</summary>
    public static Task<JsonElement> BuiltInStormAsync(HttpClient api, CancellationToken ct) =>
        Poll.UntilAsync(
            async token => (await api.GetFromJsonAsync<JsonElement>(Path, token)).EnumerateArray()
                .FirstOrDefault(dataset => dataset.GetProperty("name").GetString() == "ncar-storm-1996"),
            storm => storm.ValueKind == JsonValueKind.Object, ct);
}
