global using WeatherFlow.Contracts.Datasets;
