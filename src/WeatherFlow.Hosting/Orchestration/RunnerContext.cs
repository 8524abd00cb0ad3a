using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>What every resource runner shares.</summary>
internal sealed record RunnerContext(
    DistributedApplicationExecutionContext ExecutionContext,
    IConfiguration Configuration,
    AppHostState State,
    ResourceNotificationService Notifications,
    ResourceLogs Logs,
    ServerBinaries Binaries,
    IHttpClientFactory HttpClientFactory,
    ILogger Logger)
{
    /// <summary>Throw-away data (tests): skip durability and graceful broker shutdowns.</summary>
    public bool EphemeralData => Configuration.GetValue<bool>("AppHost:EphemeralData");
}
