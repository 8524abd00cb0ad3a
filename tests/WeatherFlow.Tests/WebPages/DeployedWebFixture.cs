using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WeatherFlow.Tests.WebPages;

/// <summary>
/// The web alone as it runs deployed: the Production environment (no launch profile), plain HTTP behind where the
/// ingress would be, and no GitHub app configured. Nothing behind it answers: the pages asked of it need neither the
/// database nor the api.
/// </summary>
public sealed partial class DeployedWebFixture : IAsyncLifetime
{
    private Process? _process;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri Address => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException("The web has not started.");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "run", "--no-build", "--no-launch-profile", "--project", new Projects.WeatherFlow_Web().ProjectPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__weatherdb"] = "Host=127.0.0.1;Port=1;Database=weatherdb;Username=nobody;Password=none";
        start.Environment["ConnectionStrings__cache"] = "127.0.0.1:1";
        start.Environment["services__api__http__0"] = "http://127.0.0.1:1";
        start.Environment["WebUserTokens__SigningKey"] = "a-key-the-web-needs-to-start-and-never-uses-here";
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("Authentication__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Read(line.Data);
        _process.ErrorDataReceived += (_, line) => Read(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await _address.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            _address.TrySetException(new InvalidOperationException("The web exited before it listened."));
        }
        else if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _address.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
        return Task.CompletedTask;
    }
}
