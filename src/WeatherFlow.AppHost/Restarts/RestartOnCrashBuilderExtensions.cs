using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace WeatherFlow.AppHost.Restarts;

/// <summary>Marks a resource that WeatherFlow starts again when it dies without being asked to.</summary>
public sealed class RestartOnCrashAnnotation : IResourceAnnotation;

public static class RestartOnCrashBuilderExtensions
{
    /// <summary>
    /// In run mode, starts the resource (each replica on its own) again, with backoff, when its process exits by
    /// itself (killed, out of memory, a fault). A stop asked for through the dashboard or by the AppHost shutting
    /// down is left alone. Aspire restarts nothing by itself in run mode, and a server or a project that stays dead
    /// leaves every experiment waiting. A published app gets its restarts from the cloud's orchestrator.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder) where T : IComputeResource
    {
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return builder;
        }
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CrashedResourceRestarter>());
        return builder.WithAnnotation(new RestartOnCrashAnnotation());
    }
}
