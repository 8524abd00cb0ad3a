using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WeatherFlow.AppHost.Restarts;

/// <summary>
/// Follows the state of every instance of a resource marked <see cref="RestartOnCrashAnnotation"/> (each replica of
/// a project has its own id) and runs Aspire's own start command on the instance that crashed: it went from Running
/// (or Starting) straight to stopped, without the Stopping that a requested stop passes through. The exit code cannot
/// tell: Debian's rabbitmq-server script exits 0 when its Erlang VM is killed. The delay doubles from 1 s to 30 s
/// for each crash in a row and starts over once the instance is healthy. Both decisions are logged to the instance's
/// console log, so the dashboard shows why it came back, or why it did not.
/// </summary>
internal sealed class CrashedResourceRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>DCP's state of a process it killed itself: a stop whose grace period ran out.</summary>
    private const string Terminated = "Terminated";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastState = new Dictionary<string, string?>();
        var crashesInARow = new Dictionary<string, int>();
        await foreach (var resourceEvent in notifications.WatchAsync(stoppingToken))
        {
            if (!resourceEvent.Resource.HasAnnotationOfType<RestartOnCrashAnnotation>())
            {
                continue;
            }
            var id = resourceEvent.ResourceId;
            var snapshot = resourceEvent.Snapshot;
            var previous = lastState.GetValueOrDefault(id);
            lastState[id] = snapshot.State?.Text;
            // Replicas are checked through the proxy they share, so one healthy replica starts the others' count over too.
            if (snapshot.HealthStatus == HealthStatus.Healthy)
            {
                crashesInARow[id] = 0;
            }
            if (lifetime.ApplicationStopping.IsCancellationRequested || !IsStopped(snapshot) || IsStopped(previous))
            {
                continue;
            }
            if (previous == KnownResourceStates.Stopping || snapshot.State?.Text == Terminated)
            {
                logs.GetLogger(id).LogInformation("{Resource} was stopped on request, so WeatherFlow does not start it again", resourceEvent.Resource.Name);
            }
            else if (previous == KnownResourceStates.Running || previous == KnownResourceStates.Starting)
            {
                var crashes = crashesInARow[id] = crashesInARow.GetValueOrDefault(id) + 1;
                _ = RestartAsync(resourceEvent, crashes, stoppingToken);
            }
        }
    }

    private static bool IsStopped(CustomResourceSnapshot snapshot) => IsStopped(snapshot.State?.Text);

    private static bool IsStopped(string? state) => state is not null && (KnownResourceStates.TerminalStates.Contains(state) || state == Terminated);

    private async Task RestartAsync(ResourceEvent crashed, int crashes, CancellationToken stoppingToken)
    {
        var logger = logs.GetLogger(crashed.ResourceId);
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, crashes - 1), MaxDelay.TotalSeconds));
        logger.LogWarning("{Resource} stopped unexpectedly ({State}, exit code {ExitCode}); WeatherFlow starts it again in {Delay} s (crash {Crashes} in a row)",
            crashed.Resource.Name, crashed.Snapshot.State?.Text, crashed.Snapshot.ExitCode, delay.TotalSeconds, crashes);
        try
        {
            await Task.Delay(delay, stoppingToken);
            // Someone may have pressed Start meanwhile; starting a running instance would restart it.
            if (!notifications.TryGetCurrentState(crashed.ResourceId, out var current) || !IsStopped(current.Snapshot))
            {
                return;
            }
            var result = await commands.ExecuteCommandAsync(crashed.ResourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("Starting {Resource} again failed: {Message}", crashed.Resource.Name, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Starting {Resource} again failed", crashed.Resource.Name);
        }
    }
}
