using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeatherFlow.Hosting.ApplicationModel;
using WeatherFlow.Hosting.Orchestration;

namespace WeatherFlow.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly Lazy<DistributedApplicationExecutionContext> _executionContext;

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        AppHostDirectory = AppHostAssemblyInfo.ProjectDirectory(options.AppHostAssembly);
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppHostDirectory,
            ApplicationName = options.AppHostAssembly?.GetName().Name,
            // An AppHost is a developer tool: Aspire's launch profile runs it as Development too.
            EnvironmentName = System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Development,
        });
        _host.Configuration.AddCommandLine(CommandLineSwitches.Normalize(options.Args), CommandLineSwitches.Mappings);
        MirrorOutputPath(_host.Configuration);
        _host.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        _host.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        _host.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        _host.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        _executionContext = new(() => new(string.IsNullOrEmpty(Configuration["Publishing:Publisher"])
            ? DistributedApplicationOperation.Run
            : DistributedApplicationOperation.Publish));
        State = new(() => new AppHostState(AppHostState.ResolveDirectory(Configuration, AppHostDirectory)));
    }

    public ConfigurationManager Configuration => _host.Configuration;

    public IServiceCollection Services => _host.Services;

    public IHostEnvironment Environment => _host.Environment;

    public string AppHostDirectory { get; }

    public IList<IResource> Resources { get; } = [];

    public DistributedApplicationExecutionContext ExecutionContext => _executionContext.Value;

    /// <summary>Created on first use, so that publishing never touches the state folder.</summary>
    internal Lazy<AppHostState> State { get; }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (Resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource '{resource.Name}': the name is already used.");
        }
        Resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        if (DistributedApplicationInterception.Current is { } interceptor)
        {
            interceptor.OnBuilding(this);
            throw new DistributedApplicationInterception.EntryPointStoppedException();
        }
        return BuildCore();
    }

    internal DistributedApplication BuildCore()
    {
        if (ExecutionContext.IsRunMode)
        {
            RunModePreparation.Prepare(this);
        }
        Services.AddSingleton(ExecutionContext);
        Services.AddSingleton(new DistributedApplicationModel(Resources));
        Services.AddSingleton<ResourceNotificationService>();
        Services.AddHttpClient();
        if (ExecutionContext.IsRunMode)
        {
            Services.AddSingleton(State.Value);
            Services.AddSingleton(new ResourceLogs(echoToConsole: Configuration.GetValue("AppHost:EchoResourceOutput", true)));
            Services.AddSingleton<ServerBinaries>();
            Services.AddSingleton(sp => new RunnerContext(
                ExecutionContext, Configuration, State.Value,
                sp.GetRequiredService<ResourceNotificationService>(), sp.GetRequiredService<ResourceLogs>(),
                sp.GetRequiredService<ServerBinaries>(), sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("orchestration")));
            Services.AddSingleton<ApplicationOrchestrator>();
            Services.AddHostedService(sp => sp.GetRequiredService<ApplicationOrchestrator>());
        }
        return new DistributedApplication(_host.Build());
    }

    private static void MirrorOutputPath(ConfigurationManager configuration)
    {
        var outputPath = configuration["Pipeline:OutputPath"] ?? configuration["Publishing:OutputPath"];
        if (outputPath is not null)
        {
            configuration.AddInMemoryCollection([new("Pipeline:OutputPath", outputPath), new("Publishing:OutputPath", outputPath)]);
        }
    }
}
