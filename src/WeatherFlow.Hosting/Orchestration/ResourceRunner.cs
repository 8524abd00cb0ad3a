using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Runs one resource: waits for its <c>WaitFor</c> dependencies to be healthy, launches it, then probes its health
/// until stopped. Every process it starts is tracked, so that stopping it, even halfway through starting, kills them all.
/// </summary>
internal abstract class ResourceRunner(IResource resource, RunnerContext context)
{
    private readonly Lock _gate = new();
    private readonly List<ManagedProcess> _processes = [];
    private bool _stopping;

    public IResource Resource { get; } = resource;

    protected RunnerContext Context { get; } = context;

    /// <summary>Resources this one must not outlive; it is stopped before them.</summary>
    public virtual IEnumerable<IResource> Dependencies => Resource is IResourceWithWaitSupport waiter
        ? waiter.WaitsFor.Concat(waiter.References)
        : [];

    /// <summary>Executables this runner needs; checked before anything starts.</summary>
    public virtual IEnumerable<ServerBinary> RequiredBinaries => [];

    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _processes.Where(p => !p.HasExited).Select(p => p.Id)];
            }
        }
    }

    protected virtual string? EndpointDescription => null;

    protected bool IsStopping
    {
        get
        {
            lock (_gate)
            {
                return _stopping;
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopping = false;
        }
        var waitsFor = (Resource as IResourceWithWaitSupport)?.WaitsFor ?? [];
        if (waitsFor.Count > 0)
        {
            Publish(s => s with { State = KnownResourceStates.Waiting, HealthStatus = null });
            await Task.WhenAll(waitsFor.Select(d => Context.Notifications.WaitForResourceHealthyAsync(d.Name, cancellationToken)));
        }
        Publish(s => s with { State = KnownResourceStates.Starting, HealthStatus = null, Message = null });
        try
        {
            await LaunchAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Context.Logger.LogError(e, "{Resource} failed to start", Resource.Name);
            Publish(s => s with { State = KnownResourceStates.FailedToStart, Message = e.Message });
            await StopAsync();
            return;
        }
        Publish(s => s with { State = KnownResourceStates.Running, Endpoint = EndpointDescription });
        await MonitorHealthAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        List<ManagedProcess> processes;
        lock (_gate)
        {
            _stopping = true;
            processes = [.. _processes];
        }
        if (processes.Count > 0)
        {
            Publish(s => s with { State = KnownResourceStates.Stopping });
        }
        await StopProcessesAsync(processes);
        lock (_gate)
        {
            _processes.Clear();
        }
        Publish(s => s with { State = KnownResourceStates.Finished, HealthStatus = null });
    }

    protected abstract Task LaunchAsync(CancellationToken cancellationToken);

    protected abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Whether throw-away data lets this resource be killed at once instead of shut down gracefully.</summary>
    protected virtual bool KillWhenDataIsEphemeral => true;

    /// <summary>Stops in reverse start order (a broker before the epmd it registered with).</summary>
    private async Task StopProcessesAsync(IReadOnlyList<ManagedProcess> processes)
    {
        foreach (var process in processes.Reverse())
        {
            await process.StopAsync(Context.EphemeralData && KillWhenDataIsEphemeral ? TimeSpan.Zero : null);
        }
    }

    protected ManagedProcess StartProcess(ProcessSpec spec)
    {
        lock (_gate)
        {
            // Checked under the lock so that a stop racing with a start never leaves the new process behind.
            if (_stopping)
            {
                throw new OperationCanceledException($"{Resource.Name} is stopping.");
            }
            var process = ManagedProcess.Start(spec, Context.Logs);
            _processes.Add(process);
            Context.Logger.LogDebug("{Instance} started as process {Pid}", spec.InstanceName, process.Id);
            return process;
        }
    }

    protected void Forget(ManagedProcess process)
    {
        lock (_gate)
        {
            _processes.Remove(process);
        }
    }

    protected void Publish(Func<ResourceSnapshot, ResourceSnapshot> update) => Context.Notifications.PublishUpdate(Resource.Name, update);

    private async Task MonitorHealthAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                healthy = await IsHealthyAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                healthy = false;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var status = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy;
            var snapshot = Context.Notifications.GetSnapshot(Resource.Name);
            // Stay "starting" (no verdict) until the first success, as Aspire does for resources that are booting.
            if (healthy || snapshot?.HealthStatus is not null)
            {
                Publish(s => s with { HealthStatus = status });
            }
            try
            {
                await Task.Delay(healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
