namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The resource names of WeatherFlow.AppHost's Program.cs.</summary>
public static class CompositionResources
{
    public const string Postgres = "postgres";
    public const string WeatherDb = "weatherdb";
    public const string Cache = "cache";
    public const string Messaging = "messaging";
    public const string MessagingEpmd = "messaging-epmd";
    public const string Blobs = "blobs";
    public const string Api = "api";
    public const string Trainer = "trainer";
    public const string Web = "web";

    public static readonly IReadOnlyList<string> All = [Postgres, WeatherDb, Cache, Messaging, Blobs, Api, Trainer, Web];
}
