namespace WeatherFlow.Tests.Infrastructure;

/// <summary>The composition with its AppHost pointed at an <see cref="OtlpCollector"/>, as at Aspire's dashboard.</summary>
public sealed class TelemetryCompositionFixture : CompositionFixture
{
    public OtlpCollector Collector { get; } = new();

    /// <summary>
    /// Aspire prefers the gRPC endpoint that the AppHost's launch profile names for its dashboard; taking it away
    /// leaves the OTLP/HTTP one, which the collector speaks.
    /// </summary>
    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        appHost.Configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = null;
        appHost.Configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Collector.Endpoint.ToString().TrimEnd('/');
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Collector.Dispose();
    }
}
