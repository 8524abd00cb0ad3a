using WeatherFlow.Api.Apis;
using WeatherFlow.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseContractCompatibility();

app.MapDefaultEndpoints();
app.MapContractApi();
app.MapExperimentsApi();

app.Run();
