var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var weatherDb = postgres.AddDatabase("weatherdb");
var cache = builder.AddRedis("cache");
var messaging = builder.AddRabbitMQ("messaging");

var api = builder.AddProject<Projects.WeatherFlow_Api>("api")
    .WithReference(weatherDb).WaitFor(weatherDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging);

builder.AddProject<Projects.WeatherFlow_Trainer>("trainer")
    .WithReference(weatherDb).WaitFor(weatherDb)
    .WithReference(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithReplicas(2);

builder.AddProject<Projects.WeatherFlow_Web>("web")
    .WithExternalHttpEndpoints()
    .WithReference(api).WaitFor(api);

builder.Build().Run();
