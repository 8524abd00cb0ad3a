using WeatherFlow.Api.Apis;
using WeatherFlow.Api.Extensions;
using WeatherFlow.Api.Hardening;
using WeatherFlow.Api.RateLimiting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseClientAddresses();
app.UseNoSniff();
app.UseProblemDetailsForExceptions();
app.UseRequestSizeLimits();
app.UseContractCompatibility();

app.UseAuthentication();
app.UseRateLimits();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapContractApi();
app.MapExperimentsApi();
app.MapExperimentHistoryApi();
app.MapExperimentModelsApi();
app.MapPredictionsApi();
app.MapDatasetsApi();
app.MapAccountApi();
app.MapAuditApi();
app.MapDocsApi();

app.Run();
