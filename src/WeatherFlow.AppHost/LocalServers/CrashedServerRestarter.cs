using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>
/// Follows the state of every resource marked <see cref="RestartOnCrashAnnotation"/> and runs Aspire's own start
/// command when it crashes: it went from Running (or Starting) straight to stopped, without the Stopping that a
/// requested stop passes through. The exit code cannot tell: Debian's rabbitmq-server script exits 0 when its
/// Erlang VM is killed. The delay doubles from 1 s to 30 s for each crash
/// in a row and starts over once the server is healthy. The restart is logged to the resource's console log, so the
/// dashboard shows why it came back.
/// </summary>
internal sealed class CrashedServerRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

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
            if (snapshot.HealthStatus == HealthStatus.Healthy)
            {
                crashesInARow[id] = 0;
            }
            if (Crashed(previous, snapshot) && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                var crashes = crashesInARow[id] = crashesInARow.GetValueOrDefault(id) + 1;
                _ = RestartAsync(resourceEvent, crashes, stoppingToken);
            }
        }
    }

    private static bool Crashed(string? previous, CustomResourceSnapshot snapshot) =>
        (previous == KnownResourceStates.Running || previous == KnownResourceStates.Starting)
        && (snapshot.State?.Text == KnownResourceStates.Exited || snapshot.State?.Text == KnownResourceStates.Finished
            || snapshot.State?.Text == KnownResourceStates.FailedToStart);

    private async Task RestartAsync(ResourceEvent crashed, int crashes, CancellationToken stoppingToken)
    {
        var logger = logs.GetLogger(crashed.ResourceId);
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, crashes - 1), MaxDelay.TotalSeconds));
        logger.LogWarning("{Resource} stopped unexpectedly ({State}, exit code {ExitCode}); WeatherFlow starts it again in {Delay} s (crash {Crashes} in a row)",
            crashed.Resource.Name, crashed.Snapshot.State?.Text, crashed.Snapshot.ExitCode, delay.TotalSeconds, crashes);
        try
        {
            await Task.Delay(delay, stoppingToken);
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
