namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The composition with its AppHost pointed at an <see cref="OtlpCollector"/>, as at Aspire's dashboard.</summary>
public sealed class TelemetryCompositionFixture : CompositionFixture
{
    public OtlpCollector Collector { get; } = new();

    /// <summary>The collector speaks OTLP/HTTP; the base fixture has taken away the launch profile's gRPC endpoint,
    /// which Aspire would prefer.</summary>
    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        appHost.Configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Collector.Endpoint.ToString().TrimEnd('/');
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Collector.Dispose();
    }
}
