using Aspire.Hosting.ApplicationModel;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// Azurite's blob service as a local executable resource on 127.0.0.1, keeping blobs in its state folder. It knows one
/// account, whose key is a generated secret given in the environment (<c>AZURITE_ACCOUNTS</c>), so the emulator's
/// published key opens nothing.
/// </summary>
public static class LocalAzuriteBuilderExtensions
{
    // Every check asks once and gives up at the deadline; the next check is the retry.
    private static readonly BlobClientOptions HealthCheckClientOptions = new()
    {
        Retry = { MaxRetries = 0, NetworkTimeout = LocalServerEnvironment.HealthCheckTimeout },
    };

    public static IResourceBuilder<LocalAzuriteResource> AddLocalAzurite(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var node = LocalServerEnvironment.RequireBinary(builder, name, ServerBinary.Node);
        var blobService = LocalServerEnvironment.RequireBinary(builder, name, ServerBinary.AzuriteBlob);
        var directory = LocalServerEnvironment.DataDirectory(builder, "azurite", name);
        // Storage keys are base64: 64 letters and digits decode to a 48-byte key.
        var accountKey = ParameterResourceBuilderExtensions.CreateGeneratedParameter(builder, $"{name}-account-key", secret: true,
            new GenerateParameterDefault { MinLength = 64, Special = false });
        var azurite = new LocalAzuriteResource(name, node, directory, accountKey);

        BlobServiceClient? client = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(azurite, async (_, ct) =>
            client = new BlobServiceClient(await azurite.ConnectionStringExpression.GetValueAsync(ct), HealthCheckClientOptions));
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey,
            _ => new BlobServiceHealthCheck(() => client ?? throw new InvalidOperationException("Connection string is unavailable")),
            failureStatus: null, tags: null, timeout: LocalServerEnvironment.HealthCheckTimeout));

        return builder.AddResource(azurite)
            .WithEndpoint(name: LocalAzuriteResource.PrimaryEndpointName, scheme: "http", isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in (string[])[blobService, "--blobHost", "127.0.0.1", "--location", directory,
                    // The client library may speak a newer service version than this Azurite knows; the calls it makes are old.
                    "--skipApiVersionCheck",
                    // No request log on the console (health checks would fill it) and no usage reports sent out.
                    "--silent", "--disableTelemetry", "--blobPort"])
                {
                    context.Args.Add(argument);
                }
                context.Args.Add(azurite.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithEnvironment("AZURITE_ACCOUNTS", ReferenceExpression.Create($"{LocalAzuriteResource.AccountName}:{accountKey}"))
            .WithHealthCheck(healthCheckKey)
            .WithRestartOnCrash();
    }
}
