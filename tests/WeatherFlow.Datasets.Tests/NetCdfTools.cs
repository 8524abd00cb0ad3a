using System.Diagnostics;

namespace WeatherFlow.Datasets.Tests;

/// <summary>Debian's netCDF command-line tools: another implementation to write the files the reader reads.</summary>
internal static class NetCdfTools
{
    public static string Ncgen(TempDirectory directory, string cdl, string kind, string name = "file")
    {
        var cdlPath = directory.File($"{name}.cdl");
        File.WriteAllText(cdlPath, cdl);
        var output = directory.File($"{name}.{kind}.nc");
        Run("ncgen", "-k", kind, "-o", output, cdlPath);
        return output;
    }

    public static string Nccopy(TempDirectory directory, string source, string kind)
    {
        var output = directory.File($"{Path.GetFileNameWithoutExtension(source)}.{kind}.nc");
        Run("nccopy", "-k", kind, source, output);
        return output;
    }

    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo($"/usr/bin/{tool}") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var standardError = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {standardError.Result}");
        return output;
    }
}
