using Microsoft.Extensions.DependencyInjection;

namespace WeatherFlow.Tests.Infrastructure;

/// <summary>
/// What failure tests need of a running composition beyond Aspire.Hosting.Testing's helpers: the process ids DCP
/// reports for a resource's instances, the dashboard's stop and start commands, and a resource's console log.
/// </summary>
public static class DistributedApplicationProcesses
{
    private const string PidProperty = "executable.pid";

    /// <summary>The process ids of a resource's running instances (one per replica for projects).</summary>
    public static async Task<IReadOnlyList<int>> GetProcessIdsAsync(this DistributedApplication app, string resourceName) =>
        [.. (await GetRunningInstancesAsync(app, resourceName)).Select(instance => instance.Pid)];

    /// <summary>A resource's running instances: the id Aspire's notifications, logs and commands know each by, and its process.</summary>
    public static async Task<IReadOnlyList<(string Id, int Pid)>> GetRunningInstancesAsync(this DistributedApplication app, string resourceName)
    {
        var instances = await CurrentInstancesAsync(app, resourceName);
        return [.. instances
            .Where(e => e.Snapshot.State?.Text == KnownResourceStates.Running)
            .Select(e => (e.ResourceId, Pid: ProcessIdOf(e)))
            .Where(instance => instance.Pid > 0)];
    }

    /// <summary>The ids of a resource's instances (one per replica for projects), whatever their state.</summary>
    public static async Task<IReadOnlyList<string>> GetInstanceIdsAsync(this DistributedApplication app, string resourceName) =>
        [.. (await CurrentInstancesAsync(app, resourceName)).Select(e => e.ResourceId).Order()];

    /// <summary>The process of the instance the event is about; 0 before it has one.</summary>
    public static int ProcessIdOf(ResourceEvent e) =>
        Convert.ToInt32(e.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until one instance of a resource (a replica's own id) reports a state that matches.</summary>
    public static async Task<ResourceEvent> WaitForInstanceAsync(this DistributedApplication app, string instanceId, Func<ResourceEvent, bool> matches, CancellationToken cancellationToken)
    {
        await foreach (var e in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (e.ResourceId == instanceId && matches(e))
            {
                return e;
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>
    /// The latest state of each instance of the resource. The notification service replays every resource's current
    /// state to a new watcher; the instances' ids (one per replica) are only public there.
    /// </summary>
    private static async Task<IReadOnlyCollection<ResourceEvent>> CurrentInstancesAsync(DistributedApplication app, string resourceName)
    {
        var latest = new Dictionary<string, ResourceEvent>();
        using var replayed = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await foreach (var e in app.ResourceNotifications.WatchAsync(replayed.Token))
            {
                if (e.Resource.Name == resourceName)
                {
                    latest[e.ResourceId] = e;
                }
            }
        }
        catch (OperationCanceledException) when (replayed.IsCancellationRequested)
        {
        }
        return latest.Values;
    }

    public static Task StopResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken) =>
        ExecuteAsync(app, resourceName, KnownResourceCommands.StopCommand, cancellationToken);

    public static Task StartResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken) =>
        ExecuteAsync(app, resourceName, KnownResourceCommands.StartCommand, cancellationToken);

    /// <summary>Waits for a console log line of any of the resource's instances that matches, the backlog included.</summary>
    public static async Task<string> WaitForLogLineAsync(this DistributedApplication app, string resourceName, Func<string, bool> matches, CancellationToken cancellationToken)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        using var found = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watches = (await CurrentInstancesAsync(app, resourceName)).Select(e => FirstMatchAsync(logs, e.ResourceId, matches, found.Token)).ToList();
        var line = await await Task.WhenAny(watches);
        await found.CancelAsync();
        return line;
    }

    /// <summary>Waits for a console log line of one instance of a resource (a replica's own id), the backlog included.</summary>
    public static Task<string> WaitForInstanceLogLineAsync(this DistributedApplication app, string instanceId, Func<string, bool> matches, CancellationToken cancellationToken) =>
        FirstMatchAsync(app.Services.GetRequiredService<ResourceLoggerService>(), instanceId, matches, cancellationToken);

    /// <summary>Whether a console log line (which starts with its UTC time) was written after <paramref name="moment"/>.</summary>
    public static bool LoggedAfter(string line, DateTimeOffset moment) =>
        DateTimeOffset.TryParse(line.Split(' ', 2)[0], System.Globalization.CultureInfo.InvariantCulture, out var at) && at > moment;

    private static async Task<string> FirstMatchAsync(ResourceLoggerService logs, string instanceId, Func<string, bool> matches, CancellationToken cancellationToken)
    {
        await foreach (var batch in logs.WatchAsync(instanceId).WithCancellation(cancellationToken))
        {
            // LogLine is a struct: FirstOrDefault of the lines would be a default line, never null, so match the text.
            if (batch.Select(line => line.Content).FirstOrDefault(content => content is not null && matches(content)) is { } content)
            {
                return content;
            }
        }
        throw new InvalidOperationException($"The log of '{instanceId}' ended without a matching line.");
    }

    private static async Task ExecuteAsync(DistributedApplication app, string resourceName, string command, CancellationToken cancellationToken)
    {
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(Resource(app, resourceName), command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{command}' on '{resourceName}' failed: {result.Message}");
        }
    }

    private static IResource Resource(DistributedApplication app, string resourceName) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);
}
