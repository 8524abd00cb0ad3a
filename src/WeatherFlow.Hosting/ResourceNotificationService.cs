using System.Runtime.CompilerServices;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace WeatherFlow.Hosting;

/// <summary>Publishes resource state and health changes, and lets callers wait for them (Aspire's API).</summary>
public sealed class ResourceNotificationService(ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("resources");
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ResourceSnapshot? GetSnapshot(string resourceName)
    {
        lock (_gate)
        {
            return _snapshots.GetValueOrDefault(resourceName);
        }
    }

    public Task<ResourceEvent> WaitForResourceAsync(string resourceName, string targetState, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, e => e.Snapshot.State == targetState, cancellationToken);

    /// <summary>Completes when the resource is healthy; throws if it fails to start while waiting.</summary>
    public async Task<ResourceEvent> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        var resourceEvent = await WaitForResourceAsync(resourceName,
            e => e.Snapshot.HealthStatus == HealthStatus.Healthy || e.Snapshot.State == KnownResourceStates.FailedToStart,
            cancellationToken);
        return resourceEvent.Snapshot.State == KnownResourceStates.FailedToStart
            ? throw new DistributedApplicationException(
                $"Stopped waiting for resource '{resourceName}' to become healthy because it failed to start: {resourceEvent.Snapshot.Message}")
            : resourceEvent;
    }

    public async Task<ResourceEvent> WaitForResourceAsync(string resourceName, Func<ResourceEvent, bool> predicate, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_snapshots.TryGetValue(resourceName, out var snapshot) && predicate(new(resourceName, snapshot)))
                {
                    return new(resourceName, snapshot);
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    public async IAsyncEnumerable<ResourceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, ResourceSnapshot>();
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            List<ResourceEvent> news;
            lock (_gate)
            {
                news = [.. _snapshots.Where(s => !seen.TryGetValue(s.Key, out var old) || old != s.Value).Select(s => new ResourceEvent(s.Key, s.Value))];
                changed = _changed.Task;
            }
            foreach (var resourceEvent in news)
            {
                seen[resourceEvent.ResourceName] = resourceEvent.Snapshot;
                yield return resourceEvent;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    public void PublishUpdate(string resourceName, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        ResourceSnapshot before, after;
        lock (_gate)
        {
            before = _snapshots.GetValueOrDefault(resourceName) ?? new(KnownResourceStates.NotStarted);
            after = update(before);
            if (after == before)
            {
                return;
            }
            _snapshots[resourceName] = after;
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Report(resourceName, before, after);
    }

    private void Report(string resourceName, ResourceSnapshot before, ResourceSnapshot after)
    {
        if (before.State != after.State || before.Endpoint != after.Endpoint || before.Message != after.Message)
        {
            _logger.LogInformation("{Resource,-10} {State}{Endpoint}{Message}", resourceName, after.State,
                after.Endpoint is null ? "" : $" {after.Endpoint}", after.Message is null ? "" : $" ({after.Message})");
        }
        if (before.HealthStatus != after.HealthStatus && after.HealthStatus is { } health)
        {
            _logger.Log(health == HealthStatus.Healthy ? LogLevel.Information : LogLevel.Warning,
                "{Resource,-10} {Health}", resourceName, health);
        }
    }
}
