using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting;

/// <summary>The built application: runs every resource (run mode) or writes the manifest (publish mode).</summary>
public sealed class DistributedApplication : IHost, IAsyncDisposable
{
    private readonly IHost _host;
    private readonly List<Action> _onDisposed = [];
    private bool _disposed;

    internal DistributedApplication(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public IList<IResource> Resources => Services.GetRequiredService<DistributedApplicationModel>().Resources;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new DistributedApplicationOptions { Args = args, AppHostAssembly = Assembly.GetCallingAssembly() });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        var builder = new DistributedApplicationBuilder(options);
        DistributedApplicationInterception.Current?.OnCreated(builder);
        return builder;
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var executionContext = Services.GetRequiredService<DistributedApplicationExecutionContext>();
        if (executionContext.IsPublishMode)
        {
            Environment.ExitCode = await PublishMode.PublishAsync(this, cancellationToken);
            // Disposing flushes the console logger's queue; otherwise the process can exit before "Published manifest to" is written.
            await DisposeAsync();
            return;
        }
        try
        {
            // Checked here too so that a missing package is one clear line, not a host start-up failure trace.
            Services.GetRequiredService<Orchestration.ApplicationOrchestrator>().CheckPrerequisites();
            await _host.RunAsync(cancellationToken);
        }
        catch (DistributedApplicationException e)
        {
            Services.GetRequiredService<ILogger<DistributedApplication>>().LogCritical("{Message}", e.Message);
            Environment.ExitCode = 1;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
        foreach (var callback in _onDisposed)
        {
            callback();
        }
    }

    internal void OnDisposed(Action callback) => _onDisposed.Add(callback);

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
