using WeatherFlow.Api.Apis;
using WeatherFlow.Api.Extensions;
using WeatherFlow.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseNoSniff();
app.UseProblemDetailsForExceptions();
app.UseRequestSizeLimits();
app.UseContractCompatibility();

app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapContractApi();
app.MapExperimentsApi();
app.MapExperimentHistoryApi();
app.MapExperimentModelsApi();
app.MapPredictionsApi();
app.MapAccountApi();
app.MapDocsApi();

app.Run();
