using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>Marks a local server that WeatherFlow starts again when it dies without being asked to.</summary>
public sealed class RestartOnCrashAnnotation : IResourceAnnotation;

public static class CrashRestartBuilderExtensions
{
    /// <summary>
    /// Starts the server again, with backoff, when its process exits by itself with a failure (killed, out of
    /// memory, a fault). A stop asked for through the dashboard or by the AppHost shutting down is left alone.
    /// Aspire restarts nothing by itself in run mode, and a backing server that stays dead leaves every experiment
    /// waiting.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder) where T : ExecutableResource
    {
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CrashedServerRestarter>());
        return builder.WithAnnotation(new RestartOnCrashAnnotation());
    }
}
