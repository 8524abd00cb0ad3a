using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace WeatherFlow.TestSupport;

/// <summary>
/// The api alone against the real backing servers (eShop's pattern): the AppHost's Postgres, Redis, RabbitMQ and
/// Azurite, started once from its own model, and the api in this process, pointed at them by configuration as the
/// AppHost would point it. No trainer runs: a submitted run stays queued until it is cancelled. Rate limits are
/// lifted, since the tests send hundreds of requests from one address. An admin account's token is
/// <see cref="CreateClient()"/>'s.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[] Servers = ["weatherdb", "cache", "messaging", "blobs"];

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("weatherflow-api-tests-");
    private DistributedApplication? _servers;
    private ApiFactory? _api;
    private NpgsqlDataSource? _database;
    private string? _adminToken;

    /// <summary>Where the api listens: a loopback address and port.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The admin's address, as the api's account routes name it.</summary>
    public string AdminEmail { get; private set; } = null!;

    public NpgsqlDataSource Database => _database ?? throw new InvalidOperationException("The api has not started.");

    /// <summary>The connection string the AppHost gives the api for <paramref name="name"/> (weatherdb, cache, messaging, blobs).</summary>
    public Task<string?> ConnectionStringAsync(string name, CancellationToken cancellationToken) =>
        _servers!.GetConnectionStringAsync(name, cancellationToken).AsTask();

    /// <summary>A client of the api that sends the admin's personal access token.</summary>
    public HttpClient CreateClient() => CreateClient(_adminToken);

    /// <summary>A client of the api that sends <paramref name="token"/>, or none when it is null.</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>A client that sends the token of a new account (no admin) whose address is made from <paramref name="name"/>.</summary>
    public async Task<HttpClient> NewAccountClientAsync(string name, CancellationToken cancellationToken) =>
        CreateClient((await SeededAccounts.CreateAsync(Database, name, admin: false, cancellationToken)).Token);

    /// <summary>The api's settings beyond what the AppHost gives it, as a variant of the fixture needs.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        _servers = await BackingServersOnly.StartAsync(_state.FullName, resource => true, timeout.Token);
        var settings = new Dictionary<string, string?>
        {
            // The AppHost generates this key and gives it to the api and the web; here no web signs tokens with it.
            ["WebUserTokens:SigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var server in Servers)
        {
            await _servers.ResourceNotifications.WaitForResourceHealthyAsync(server, timeout.Token);
            settings[$"ConnectionStrings:{server}"] = await ConnectionStringAsync(server, timeout.Token);
        }
        foreach (var limit in (string[])["AnonymousSubmissions", "AccountSubmissions", "AnonymousReads", "AccountReads"])
        {
            settings[$"RateLimits:{limit}"] = "1000000";
        }
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        _api = new ApiFactory(settings);
        _api.StartServer();
        Address = new Uri(_api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        // As the AppHost waits for the api's health check before anything calls it.
        using var probe = CreateClient(token: null);
        await Poll.UntilAsync(async ct =>
        {
            using var health = await probe.GetAsync("/health", ct);
            return health.IsSuccessStatusCode;
        }, timeout.Token);
        _database = NpgsqlDataSource.Create(settings["ConnectionStrings:weatherdb"]!);
        (_, AdminEmail, _adminToken) = await SeededAccounts.CreateAsync(_database, "admin", admin: true, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
        _state.Delete(recursive: true);
    }
}
