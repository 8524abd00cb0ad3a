using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.ApiBenchmarks;

/// <summary>
/// Datasets through the api: uploads of NCAR's storm episode (six 305 KB classic files) and of a 200 MB NetCDF-4
/// file (written here as classic, converted by Debian's nccopy), timed end to end with the api's resident memory
/// sampled throughout; then the default experiment on the storm episode (grid backbone, every other setting the
/// default but a seed from the clock, so the result cache cannot answer) at 6, 12 and 24 h leads: wall time and the
/// test block's skill against persistence per channel, as the api reports it, whatever it is. Prints Markdown.
/// </summary>
public static class DatasetBenchmark
{
    private const string StormFolder = "/usr/share/ncarg/data/cdf";
    private static readonly string[] StormFiles = ["Tstorm.cdf", "Pstorm.cdf", "Ustorm.cdf", "Vstorm.cdf", "U500storm.cdf", "V500storm.cdf"];
    private static readonly int[] Leads = [6, 12, 24];

    public static async Task RunAsync(Uri api, BenchmarkSettings settings, TextWriter output)
    {
        using var client = settings.CreateClient(api);
        client.Timeout = TimeSpan.FromMinutes(30);
        output.WriteLine($"api {api}, {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine();
        output.WriteLine("| upload | bytes | seconds | MB/s | api RSS before MB | api RSS peak − before MB |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        await UploadAsync(client, "storm episode (6 classic files)", [.. StormFiles.Select(name => Path.Combine(StormFolder, name))], output);
        var work = Directory.CreateTempSubdirectory("weatherflow-dataset-bench-");
        try
        {
            var large = LargeNetCdf4(work.FullName);
            await UploadAsync(client, "one NetCDF-4 file", [large], output);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        output.WriteLine();
        // From the clock, so no earlier run of this benchmark left these configs in the result cache.
        var seed = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 10_001);
        output.WriteLine($"training seed {seed}");
        output.WriteLine();
        output.WriteLine("| lead h | wall s | pairs train/val/test | per-channel skill vs persistence on the test block (latitude-weighted RMSE model / persistence) | mean skill |");
        output.WriteLine("|---:|---:|---|---|---:|");
        JsonElement? sixHourEvaluation = null;
        foreach (var lead in Leads)
        {
            var config = $$$"""{"dataset":{"source":"ncar-storm-1996","leadHours":{{{lead}}}},"model":{"backbone":"grid"},"training":{"seed":{{{seed}}}}}""";
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/api/experiments", new StringContent(config, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (!response.IsSuccessStatusCode)
            {
                output.WriteLine($"| {lead} | {wall:0.0} | failed: {(int)response.StatusCode} {body} | | |");
                continue;
            }
            var result = JsonDocument.Parse(body).RootElement;
            var source = result.GetProperty("datasetSource");
            sixHourEvaluation ??= result.GetProperty("evaluation");
            var scores = source.GetProperty("testScores").EnumerateArray()
                .Select(score => (Channel: score.GetProperty("channel").GetString(), Rmse: score.GetProperty("rmse").GetDouble(),
                    Persistence: score.GetProperty("persistenceRmse").GetDouble(), Skill: score.GetProperty("skill").GetDouble())).ToList();
            var pairs = string.Join("/", new[] { "train", "validation", "test" }.Select(block => source.GetProperty(block).GetProperty("pairs").GetInt32()));
            var perChannel = string.Join("; ", scores.Select(score => $"{score.Channel} {Signed(score.Skill, "0.000")} ({score.Rmse:0.##}/{score.Persistence:0.##})"));
            output.WriteLine($"| {lead} | {wall:0.0} | {pairs} | {perChannel} | {Signed(scores.Average(score => score.Skill), "0.0000")} |");
        }
        if (sixHourEvaluation is { } evaluation)
        {
            WriteScorecard(evaluation, output);
        }
    }

    /// <summary>The 6 h model's evaluation: skill against persistence / climatology per channel and lead, with the cases.</summary>
    private static void WriteScorecard(JsonElement evaluation, TextWriter output)
    {
        var rows = evaluation.GetProperty("scores").EnumerateArray().ToList();
        var leads = rows.Select(row => row.GetProperty("leadHours").GetDouble()).Distinct().Order().ToList();
        output.WriteLine();
        output.WriteLine($"Evaluation of the 6 h model, rolled out from the test block ({evaluation.GetProperty("testSet").GetString()}): skill vs persistence / vs climatology");
        output.WriteLine();
        output.WriteLine("| channel | " + string.Join(" | ", leads.Select(lead => $"{lead:0} h")) + " |");
        output.WriteLine("|---|" + string.Concat(leads.Select(_ => "---:|")));
        foreach (var channel in rows.Select(row => row.GetProperty("channel").GetString()).Distinct())
        {
            var cells = leads.Select(lead => rows.FirstOrDefault(row => row.GetProperty("channel").GetString() == channel && row.GetProperty("leadHours").GetDouble() == lead) is { ValueKind: JsonValueKind.Object } row
                ? $"{Skill(row, "skillVsPersistence")} / {Skill(row, "skillVsClimatology")} ({row.GetProperty("cases").GetInt32()})"
                : "–");
            output.WriteLine($"| {channel} | {string.Join(" | ", cells)} |");
        }
        var beaten = rows.Count(row => row.GetProperty("skillVsPersistence").ValueKind == JsonValueKind.Number && row.GetProperty("skillVsPersistence").GetDouble() > 0);
        output.WriteLine();
        output.WriteLine($"Beats persistence on {beaten} of {rows.Count} targets.");
    }

    private static string Skill(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: JsonValueKind.Number } skill ? Signed(skill.GetDouble(), "0.00") : "–";

    private static string Signed(double value, string format) => (value >= 0 ? "+" : "") + value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task UploadAsync(HttpClient client, string what, IReadOnlyList<string> paths, TextWriter output)
    {
        var bytes = paths.Sum(path => new FileInfo(path).Length);
        using var form = new MultipartFormDataContent { { new StringContent($"bench {what} {Guid.NewGuid():N}"), "name" } };
        if (paths.Count > 1)
        {
            form.Add(new StringContent("6"), "stepHours");
            form.Add(new StringContent("U500storm.cdf=500,V500storm.cdf=500"), "levels");
        }
        foreach (var path in paths)
        {
            var part = new StreamContent(File.OpenRead(path), 1 << 16);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/x-netcdf");
            form.Add(part, "files", Path.GetFileName(path));
        }
        using var memory = ApiMemory.Watch();
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync("/api/datasets", form);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (before, peak) = await memory.StopAsync();
        if (!response.IsSuccessStatusCode)
        {
            output.WriteLine($"| {what} | {bytes:N0} | failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} | | | |");
            return;
        }
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        output.WriteLine($"| {what} | {bytes:N0} | {seconds:0.00} | {bytes / 1e6 / seconds:0.0} | {before / 1e6:0} | {(peak - before) / 1e6:0.0} |");
        using var deleted = await client.DeleteAsync($"/api/datasets/{id}");
    }

    /// <summary>
    /// t(time=200, lat=500, lon=500) float, 200 MB, smooth and different at every step: written as NetCDF classic (a
    /// header and big-endian floats need no library), then converted to NetCDF-4 by nccopy, the reference implementation.
    /// </summary>
    private static string LargeNetCdf4(string folder)
    {
        const int steps = 200, height = 500, width = 500;
        var classic = Path.Combine(folder, "large-classic.nc");
        using (var file = new BinaryWriter(File.Create(classic)))
        {
            var header = ClassicHeader(steps, height, width);
            file.Write(header);
            var row = new byte[width * 4];
            for (var step = 0; step < steps; step++)
            {
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        BinaryPrimitives.WriteSingleBigEndian(row.AsSpan(x * 4), (float)(280 + 10 * Math.Sin(0.02 * x + 0.1 * step) * Math.Cos(0.03 * y)));
                    }
                    file.Write(row);
                }
            }
        }
        var nc4 = Path.Combine(folder, "large.nc");
        using var nccopy = Process.Start("nccopy", ["-k", "nc4", classic, nc4])!;
        nccopy.WaitForExit();
        File.Delete(classic);
        return nccopy.ExitCode == 0 ? nc4 : throw new InvalidOperationException("nccopy failed");
    }

    /// <summary>A CDF-1 header: dimensions time, lat, lon; coordinates lat, lon (degrees), time (hours since 2000-01-01); the field t last.</summary>
    private static byte[] ClassicHeader(int steps, int height, int width)
    {
        var header = new List<byte>();
        void Int(int value) { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, value); header.AddRange(b); }
        void Name(string name) { Int(name.Length); header.AddRange(Encoding.ASCII.GetBytes(name)); header.AddRange(new byte[(4 - name.Length % 4) % 4]); }
        void Units(string units) { Int(0x0C); Int(1); Name("units"); Int(2); Int(units.Length); header.AddRange(Encoding.ASCII.GetBytes(units)); header.AddRange(new byte[(4 - units.Length % 4) % 4]); }
        header.AddRange("CDF\x01"u8.ToArray());
        Int(0);
        Int(0x0A); Int(3); Name("time"); Int(steps); Name("lat"); Int(height); Name("lon"); Int(width);
        Int(0); Int(0);
        Int(0x0B); Int(4);
        var variables = new (string Name, int[] Dimensions, string Units, int Bytes)[]
        {
            ("time", [0], "hours since 2000-01-01 00:00", steps * 4),
            ("lat", [1], "degrees_north", height * 4),
            ("lon", [2], "degrees_east", width * 4),
            ("t", [0, 1, 2], "K", steps * height * width * 4),
        };
        var beginOffsets = new List<int>();
        foreach (var (name, dimensions, units, bytes) in variables)
        {
            Name(name); Int(dimensions.Length);
            foreach (var dimension in dimensions) { Int(dimension); }
            Units(units);
            Int(5); Int(bytes);
            beginOffsets.Add(header.Count);
            Int(0);
        }
        var offset = header.Count;
        var data = new List<byte>();
        void Floats(IEnumerable<float> values) { foreach (var value in values) { var b = new byte[4]; BinaryPrimitives.WriteSingleBigEndian(b, value); data.AddRange(b); } }
        var begins = new List<int>();
        begins.Add(offset + data.Count); Floats(Enumerable.Range(0, steps).Select(step => step * 6f));
        begins.Add(offset + data.Count); Floats(Enumerable.Range(0, height).Select(y => -60f + y * 0.25f));
        begins.Add(offset + data.Count); Floats(Enumerable.Range(0, width).Select(x => x * 0.25f));
        begins.Add(offset + data.Count);
        var bytesArray = header.ToArray();
        for (var i = 0; i < begins.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytesArray.AsSpan(beginOffsets[i]), begins[i]);
        }
        return [.. bytesArray, .. data];
    }
}
