var builder = DistributedApplication.CreateBuilder(args);

// How each backing server runs is decided in BackingServers: an existing server when its connection string is
// configured, Debian's binaries as local processes in run mode, Aspire's stock containers when published.
var weatherDb = builder.AddWeatherDatabase("postgres", "weatherdb");
var cache = builder.AddCache("cache");
var messaging = builder.AddMessaging("messaging");
var blobs = builder.AddBlobStorage("blobs");

// The web calls the api as its signed-in user with a JWT signed with this key. The account with the admin
// address becomes an admin when it signs in; none does while it is empty.
var webUserTokenKey = builder.AddParameter("web-user-token-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
// A value getter rather than a constant, so Parameters:admin-email is read from configuration when set.
var adminEmail = builder.AddParameter("admin-email", () => builder.Configuration["Parameters:admin-email"] ?? "");

var api = builder.AddProject<Projects.WeatherFlow_Api>("api")
    .WithReference(weatherDb).WaitFor(weatherDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(blobs).WaitFor(blobs)
    .WithEnvironment("WebUserTokens__SigningKey", webUserTokenKey)
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash();

builder.AddProject<Projects.WeatherFlow_Trainer>("trainer")
    .WithReference(weatherDb).WaitFor(weatherDb)
    .WithReference(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(blobs).WaitFor(blobs)
    .WithHttpHealthCheck("/health")
    .WithReplicas(2)
    .WithRestartOnCrash();

var web = builder.AddProject<Projects.WeatherFlow_Web>("web")
    .WithExternalHttpEndpoints()
    .WithReference(api).WaitFor(api)
    .WithReference(weatherDb)
    .WithReference(cache)
    .WithEnvironment("WebUserTokens__SigningKey", webUserTokenKey)
    .WithEnvironment("Accounts__AdminEmail", adminEmail)
    .WithHttpHealthCheck("/health")
    .WithRestartOnCrash()
    .LogUrlWhenReady();

// Sign-in with GitHub only when its OAuth app is configured (user secrets or Parameters__github-client-id): a
// parameter without a value would make the dashboard, and azd, ask for one.
if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:github-client-id"]))
{
    web.WithEnvironment("Authentication__GitHub__ClientId", builder.AddParameter("github-client-id"))
        .WithEnvironment("Authentication__GitHub__ClientSecret", builder.AddParameter("github-client-secret", secret: true));
}

builder.Build().Run();
