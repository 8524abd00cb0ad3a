using Microsoft.Extensions.Configuration;

namespace WeatherFlow.Hosting.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--", "--publisher", "manifest", "--output-path", "out/aspire-manifest.json")]
    [InlineData("--publisher", "manifest", "--output-path", "out/aspire-manifest.json")]
    [InlineData("--publisher=manifest", "--output-path=out/aspire-manifest.json")]
    public void Aspire_publish_switches_select_publish_mode_with_or_without_a_separator(params string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args });

        Assert.True(builder.ExecutionContext.IsPublishMode);
        Assert.Equal("manifest", builder.Configuration["Publishing:Publisher"]);
        Assert.Equal("out/aspire-manifest.json", builder.Configuration["Pipeline:OutputPath"]);
        Assert.Equal("out/aspire-manifest.json", builder.Configuration["Publishing:OutputPath"]);
    }

    [Fact]
    public void Without_a_publisher_the_application_runs()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--ConnectionStrings:cache=localhost:6379"] });

        Assert.True(builder.ExecutionContext.IsRunMode);
        Assert.Equal("localhost:6379", builder.Configuration.GetConnectionString("cache"));
    }
}
