// The api's namespaces in one place: the api's folders are being rearranged, and a rename then touches this file only.
global using System.Text.Json;
global using WeatherFlow.Api.Evaluation;
global using WeatherFlow.Api.Experiments;
global using WeatherFlow.Api.History;
global using WeatherFlow.Api.Http;
global using WeatherFlow.Api.Predictions;
global using WeatherFlow.Api.RateLimiting;
global using WeatherFlow.Contracts.Config;
global using WeatherFlow.Contracts.Evaluation;
global using WeatherFlow.Contracts.Jobs;
global using WeatherFlow.Contracts.Models;
