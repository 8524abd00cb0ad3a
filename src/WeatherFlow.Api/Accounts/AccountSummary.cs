namespace WeatherFlow.Api.Accounts;

public sealed record AccountSummary(string Id, string UserName);
