using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Orchestration;

/// <summary>
/// Run mode: starts every resource in parallel (each waits for what it <c>WaitFor</c>s), and stops them in reverse
/// dependency order, whether they are running, crashed or still starting.
/// </summary>
internal sealed class ApplicationOrchestrator(DistributedApplicationModel model, RunnerContext context) : IHostedService
{
    private readonly Dictionary<string, (ResourceRunner Runner, CancellationTokenSource Lifetime, Task Run)> _running = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyList<ResourceRunner> _runners = [];
    private ProcessWatchdog? _watchdog;

    public ResourceRunner? GetRunner(string resourceName) => _runners.FirstOrDefault(r => r.Resource.Name == resourceName);

    /// <summary>Fails fast, before anything starts, when a server's executable is missing.</summary>
    public void CheckPrerequisites()
    {
        if (_runners.Count == 0)
        {
            _runners = RunnerFactory.Create(model, context);
        }
        foreach (var binary in _runners.SelectMany(r => r.RequiredBinaries))
        {
            binary.EnsureExists();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        CheckPrerequisites();
        _watchdog = ProcessWatchdog.Start(context.State, () => _runners.SelectMany(r => r.ProcessIds));
        foreach (var runner in _runners)
        {
            Launch(runner);
        }
        foreach (var unused in model.Resources.OfType<ContainerResource>().Where(r => GetRunner(r.Name) is null))
        {
            context.Notifications.PublishUpdate(unused.Name, s => s with { Message = "not needed: its databases use configured connection strings" });
        }
        _ = AnnounceWhenHealthyAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var level in StopOrder())
        {
            await Task.WhenAll(level.Select(r => StopResourceAsync(r.Resource.Name)));
        }
        _watchdog?.Dispose();
    }

    public void StartResource(string resourceName)
    {
        var runner = GetRunner(resourceName) ?? throw new ArgumentException($"No runnable resource named '{resourceName}'.", nameof(resourceName));
        Launch(runner);
    }

    public async Task StopResourceAsync(string resourceName)
    {
        (ResourceRunner Runner, CancellationTokenSource Lifetime, Task Run) entry;
        lock (_gate)
        {
            if (!_running.Remove(resourceName, out entry))
            {
                return;
            }
        }
        await entry.Lifetime.CancelAsync();
        await entry.Runner.StopAsync();
        await entry.Run.ContinueWith(_ => { }, TaskScheduler.Default);
        entry.Lifetime.Dispose();
    }

    private void Launch(ResourceRunner runner)
    {
        lock (_gate)
        {
            if (_running.ContainsKey(runner.Resource.Name))
            {
                return;
            }
            var lifetime = new CancellationTokenSource();
            var run = Task.Run(() => RunSafelyAsync(runner, lifetime.Token));
            _running[runner.Resource.Name] = (runner, lifetime, run);
        }
    }

    /// <summary>One line saying where to go once everything is up.</summary>
    private async Task AnnounceWhenHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_runners.Select(r => context.Notifications.WaitForResourceHealthyAsync(r.Resource.Name, cancellationToken)));
        }
        catch (Exception e) when (e is OperationCanceledException or DistributedApplicationException)
        {
            return;
        }
        var urls = model.Resources.OfType<ProjectResource>()
            .SelectMany(p => p.Endpoints.Where(e => e.IsExternal).Select(e => $"{p.Name} {p.GetEndpoint(e.Name).Url}"));
        context.Logger.LogInformation("All {Count} resources are healthy. {Urls}", _runners.Count, string.Join(", ", urls));
    }

    private async Task RunSafelyAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            context.Logger.LogError(e, "{Resource} failed", runner.Resource.Name);
            context.Notifications.PublishUpdate(runner.Resource.Name, s => s with { State = KnownResourceStates.FailedToStart, Message = e.Message });
        }
    }

    /// <summary>Groups of runners, dependants first: each group is stopped before anything it depends on.</summary>
    private IEnumerable<IReadOnlyList<ResourceRunner>> StopOrder()
    {
        var depth = new Dictionary<IResource, int>();
        int Depth(ResourceRunner runner) => DepthOf(runner.Resource, depth, r => GetRunner(r.Name)?.Dependencies ?? []);
        return _runners.GroupBy(Depth).OrderByDescending(g => g.Key).Select(g => (IReadOnlyList<ResourceRunner>)[.. g]);
    }

    private static int DepthOf(IResource resource, Dictionary<IResource, int> depth, Func<IResource, IEnumerable<IResource>> dependencies)
    {
        if (!depth.TryGetValue(resource, out var value))
        {
            depth[resource] = 0;
            value = depth[resource] = dependencies(resource).Select(d => DepthOf(d, depth, dependencies) + 1).DefaultIfEmpty(0).Max();
        }
        return value;
    }
}
