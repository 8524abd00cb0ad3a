using System.Diagnostics;

namespace WeatherFlow.TestSupport;

/// <summary>Runs Python against the shipped PyTorch module (clients/python), in the interpreter that has torch.</summary>
internal static class PythonModule
{
    /// <summary>Debian's python3, which eng/install-prerequisites.sh gives python3-torch; a python3 earlier on the
    /// PATH (pyenv, a virtualenv) would not see it.</summary>
    private const string Interpreter = "/usr/bin/python3";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <returns>What the script printed; a non-zero exit fails the test with what it wrote to stderr.</returns>
    public static string Run(string script, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PYTHONPATH"] = Path.Combine(RepositoryRoot, "clients", "python");
        using var python = Process.Start(start)!;
        var error = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, $"python exited {python.ExitCode}: {error.Result}");
        return output;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WeatherFlow.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No WeatherFlow.sln above {AppContext.BaseDirectory}.");
    }
}
