namespace WeatherFlow.TestSupport;

public static class AppHostArguments
{
    /// <summary>AppHost arguments that keep the servers' data in a throw-away folder, away from the developer's.</summary>
    public static string[] State(string directory) => [$"AppHost:StateDirectory={directory}"];
}
