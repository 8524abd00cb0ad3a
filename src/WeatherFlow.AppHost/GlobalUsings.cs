global using WeatherFlow.AppHost;
global using WeatherFlow.AppHost.LocalServers;
global using WeatherFlow.AppHost.Restarts;
