namespace WeatherFlow.Hosting;

/// <summary>
/// Lets WeatherFlow.Hosting.Testing run an AppHost's <c>Main</c> in-process and take over its builder, as
/// Aspire.Hosting.Testing does: the test sees the builder when it is created and again when <c>Main</c> calls
/// <c>Build()</c>, where <c>Main</c> is stopped so the test can build and start the app itself.
/// </summary>
internal static class DistributedApplicationInterception
{
    private static readonly AsyncLocal<IInterceptor?> s_current = new();

    public static IInterceptor? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public interface IInterceptor
    {
        void OnCreated(DistributedApplicationBuilder builder);

        void OnBuilding(DistributedApplicationBuilder builder);
    }

    public sealed class EntryPointStoppedException() : Exception("The AppHost entry point was stopped by the testing builder.");
}
