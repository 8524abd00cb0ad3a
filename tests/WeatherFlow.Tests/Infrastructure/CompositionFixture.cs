namespace WeatherFlow.Tests.Infrastructure;

/// <summary>
/// The whole WeatherFlow composition (Postgres, Redis, RabbitMQ, api, two trainers, web), started once through the
/// AppHost for every test class in the <c>composition</c> collection, on random ports with throw-away data.
/// Tests that stop or kill resources must start their own application instead. The AppHost's admin address is
/// <see cref="AdminEmail"/>, whose account signs up first: tests call the api with its token and browse as it.
/// </summary>
public class CompositionFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    public const string AdminEmail = "admin@weatherflow.test";

    /// <summary>Retention's bar for a large result: above a tiny run's stored result, below a 32×64 one's.</summary>
    public const long LargeResultBytes = 64 * 1024;

    /// <summary>A GitHub OAuth app that does not exist: enough for the web to offer GitHub sign-in and start it.</summary>
    public const string GitHubClientId = "weatherflow-tests-github-client";

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("weatherflow-tests-");
    private DistributedApplication? _app;
    private WebAccount? _admin;
    private string? _adminToken;

    /// <summary>Every span and metric the composition's apps exported.</summary>
    public OtlpCollector Collector { get; } = new();

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The composition has not started.");

    /// <summary>The admin's account, signed in on the web.</summary>
    public WebAccount Admin => _admin ?? throw new InvalidOperationException("The composition has not started.");

    /// <summary>A client of the api that sends the admin's personal access token.</summary>
    public HttpClient CreateApiClient() => CreateApiClient(_adminToken!);

    /// <summary>A client of the api that sends <paramref name="token"/>.</summary>
    public HttpClient CreateApiClient(string token)
    {
        var api = App.CreateHttpClient(CompositionResources.Api);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return api;
    }

    /// <summary>A new account (an address of its own made from <paramref name="name"/>), signed up on the web, and a
    /// personal access token of it.</summary>
    public async Task<(WebAccount Account, string Token)> NewAccountAsync(string name, CancellationToken cancellationToken)
    {
        var account = await WebAccount.SignUpAsync(App, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@example.com", cancellationToken);
        return (account, await account.CreateTokenAsync("tests", cancellationToken));
    }

    /// <summary>A client of the api that sends the token of a new account made from <paramref name="name"/>.</summary>
    public async Task<HttpClient> NewAccountClientAsync(string name, CancellationToken cancellationToken) =>
        CreateApiClient((await NewAccountAsync(name, cancellationToken)).Token);

    /// <summary>A client of the web signed in as the admin.</summary>
    public HttpClient CreateWebClient() => Admin.CreateWebClient();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        // The AppHost decides on GitHub sign-in while it builds its model, so the parameters go in as arguments.
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WeatherFlow_AppHost>(
            [
                .. AppHostArguments.State(_state.FullName), $"Parameters:admin-email={AdminEmail}",
                $"Parameters:github-client-id={GitHubClientId}", "Parameters:github-client-secret=not-a-secret",
            ],
            timeout.Token);
        // The apps export to the collector as they would to the dashboard, which does not run under the testing
        // builder. The collector speaks OTLP/HTTP, so the launch profile's gRPC endpoint, which Aspire prefers, goes.
        appHost.Configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = null;
        appHost.Configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Collector.Endpoint.ToString().TrimEnd('/');
        // Retention looks every two seconds rather than every hour, so that a test sees it act.
        var api = appHost.Project(CompositionResources.Api);
        api.WithEnvironment("Retention__Interval", "00:00:02")
            .WithEnvironment("Retention__LargeResultBytes", LargeResultBytes.ToString());
        // The tests submit hundreds of experiments, anonymously and all from this host's address, and sign up their
        // accounts from it too.
        if (!KeepsDefaultRateLimits)
        {
            foreach (var limit in (string[])["AnonymousSubmissions", "AccountSubmissions", "AnonymousReads", "AccountReads"])
            {
                api.WithEnvironment($"RateLimits__{limit}", "1000000");
            }
            appHost.Project(CompositionResources.Web).WithEnvironment("SignInProtection__FormsPerClientAddress", "1000000");
        }
        Configure(appHost);
        _app = await appHost.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await Task.WhenAll(CompositionResources.All.Select(name =>
            _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token)));
        _admin = await WebAccount.SignUpAsync(_app, AdminEmail, timeout.Token);
        _adminToken = await _admin.CreateTokenAsync("tests", timeout.Token);
    }

    /// <summary>The api's rate limits as configured (<c>RateLimits</c> in its appsettings.json) rather than lifted.</summary>
    protected virtual bool KeepsDefaultRateLimits => false;

    /// <summary>Changes the AppHost's model before it is built, as a test of a variant composition needs.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder appHost)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _state.Delete(recursive: true);
        Collector.Dispose();
    }
}
