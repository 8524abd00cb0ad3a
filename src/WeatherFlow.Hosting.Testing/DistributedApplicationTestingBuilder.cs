using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeatherFlow.Hosting.ApplicationModel;

namespace WeatherFlow.Hosting.Testing;

/// <summary>
/// Runs an AppHost's <c>Main</c> in-process and hands its builder to the test, as Aspire.Hosting.Testing does.
/// <c>TEntryPoint</c> is any type of the AppHost assembly, normally the generated <c>Projects.*_AppHost</c>.
/// </summary>
public sealed class DistributedApplicationTestingBuilder : IDistributedApplicationTestingBuilder
{
    private readonly DistributedApplicationBuilder _builder;
    private readonly TemporaryDirectory _state;
    private bool _built;

    private DistributedApplicationTestingBuilder(DistributedApplicationBuilder builder, TemporaryDirectory state)
    {
        _builder = builder;
        _state = state;
    }

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default)
        where TEntryPoint : class => CreateAsync<TEntryPoint>([], cancellationToken);

    /// <param name="args">Command-line arguments for the AppHost, e.g. <c>ConnectionStrings:cache=…</c>.</param>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[] args, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");
        var state = TemporaryDirectory.Create();
        var interceptor = new EntryPointInterceptor(state.Path, args);
        _ = Task.Run(() => RunEntryPoint(entryPoint, args, interceptor), cancellationToken);
        try
        {
            var builder = await interceptor.Captured.Task.WaitAsync(cancellationToken);
            return new DistributedApplicationTestingBuilder(builder, state);
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    public ConfigurationManager Configuration => _builder.Configuration;

    public IServiceCollection Services => _builder.Services;

    public IHostEnvironment Environment => _builder.Environment;

    public string AppHostDirectory => _builder.AppHostDirectory;

    public IList<IResource> Resources => _builder.Resources;

    public DistributedApplicationExecutionContext ExecutionContext => _builder.ExecutionContext;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => _builder.AddResource(resource);

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => _builder.CreateResourceBuilder(resource);

    public DistributedApplication Build() => BuildAsync().GetAwaiter().GetResult();

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default)
    {
        _built = true;
        var app = _builder.BuildCore();
        app.OnDisposed(_state.Dispose);
        return Task.FromResult(app);
    }

    public ValueTask DisposeAsync()
    {
        if (!_built)
        {
            _state.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private static void RunEntryPoint(MethodInfo entryPoint, string[] args, EntryPointInterceptor interceptor)
    {
        DistributedApplicationInterception.Current = interceptor;
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            (result as Task)?.GetAwaiter().GetResult();
            interceptor.Captured.TrySetException(new InvalidOperationException("The AppHost's Main returned without building its application."));
        }
        catch (TargetInvocationException e) when (e.InnerException is DistributedApplicationInterception.EntryPointStoppedException)
        {
        }
        catch (DistributedApplicationInterception.EntryPointStoppedException)
        {
        }
        catch (Exception e)
        {
            interceptor.Captured.TrySetException(e is TargetInvocationException { InnerException: { } inner } ? inner : e);
        }
    }
}
