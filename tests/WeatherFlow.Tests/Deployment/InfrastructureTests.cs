using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeatherFlow.Contracts.Messaging;
using WeatherFlow.TestSupport;
using WeatherFlow.AppHost.LocalServers;

namespace WeatherFlow.Tests.Deployment;

/// <summary>
/// The deployment as azd would make it, checked here without Azure: the committed Bicep compiles clean, every piece of
/// state lives in a managed service or on a persistent volume, the trainers scale on their queues in every revision
/// azd writes, and no secret is written anywhere but the key vault.
/// </summary>
public sealed partial class InfrastructureTests(DeploymentArtifacts deployment) : IClassFixture<DeploymentArtifacts>
{
    private static readonly string[] StatefulImages = ["postgres", "redis", "rabbitmq"];

    [Fact]
    public async Task The_infrastructure_compiles_and_the_linter_finds_nothing()
    {
        var (exitCode, _, diagnostics) = await Bicep.RunAsync("lint", Path.Combine(DeploymentArtifacts.InfraDirectory, "main.bicep"));
        Assert.True(exitCode == 0 && diagnostics.Length == 0, diagnostics);
    }

    [Fact]
    public async Task The_database_is_a_managed_server_of_the_tested_major_version_with_backups_tls_and_no_public_endpoint()
    {
        Assert.Equal("parameter.v0", (string)deployment.Manifest["weatherdb"]!["type"]!);
        Assert.DoesNotContain(deployment.Manifest, r => IsStateful(r.Value!) && (string)r.Value!["image"]! is var image && image.Contains("postgres"));

        var (server, scope) = Assert.Single(deployment.Template.OfType("Microsoft.DBforPostgreSQL/flexibleServers"));
        var properties = server["properties"]!;
        Assert.Equal(await TestedPostgresMajorAsync(), (string)scope.Resolve(properties["version"])!);
        Assert.InRange((int)scope.Resolve(properties["backup"]!["backupRetentionDays"])!, 7, 35);
        Assert.Equal("Disabled", (string)scope.Resolve(properties["network"]!["publicNetworkAccess"])!);
        Assert.NotNull(properties["network"]!["delegatedSubnetResourceId"]);
        Assert.NotNull(properties["network"]!["privateDnsZoneArmResourceId"]);

        var settings = deployment.Template.OfType("Microsoft.DBforPostgreSQL/flexibleServers/configurations")
            .ToDictionary(c => ((string)c.Resource["name"]!).Split('\'')[^2], c => (string)c.Scope.Resolve(c.Resource["properties"]!["value"])!);
        Assert.Equal("on", settings["require_secure_transport"]);
        // Azure refuses CREATE EXTENSION for an extension it was not told to allow: the migrations would fail.
        var allowed = settings["azure.extensions"].Split(',', StringSplitOptions.TrimEntries);
        Assert.All(MigrationExtensions(), extension => Assert.Contains(extension, allowed, StringComparer.OrdinalIgnoreCase));
        Assert.Contains(deployment.Template.OfType("Microsoft.DBforPostgreSQL/flexibleServers/databases"), d => ((string)d.Resource["name"]!).Contains("'weatherdb'"));
    }

    [Fact]
    public void Dataset_files_live_in_a_private_https_only_storage_account_whose_connection_string_the_api_and_trainer_get_from_the_vault()
    {
        Assert.Equal(("parameter.v0", "{blobs.value}"), ((string)deployment.Manifest["blobs"]!["type"]!, (string)deployment.Manifest["blobs"]!["connectionString"]!));

        var (account, scope) = Assert.Single(deployment.Template.OfType("Microsoft.Storage/storageAccounts"), a => ((string)a.Resource["name"]!).Contains("'blobs-"));
        Assert.Equal(("StorageV2", "Standard_LRS"), ((string)account["kind"]!, (string)account["sku"]!["name"]!));
        var properties = account["properties"]!;
        Assert.Equal("TLS1_2", (string)scope.Resolve(properties["minimumTlsVersion"])!);
        Assert.True((bool)scope.Resolve(properties["supportsHttpsTrafficOnly"])!);
        Assert.False((bool)scope.Resolve(properties["allowBlobPublicAccess"])!);
        // The apps sign requests with the connection string's account key.
        Assert.True((bool)scope.Resolve(properties["allowSharedKeyAccess"])!);

        // The vault's secret is composed from that account's name and key, over HTTPS.
        Assert.Contains("connectionstrings--blobs", VaultSecretNames());
        var (vaultSecrets, _) = Assert.Single(deployment.Template.OfType("Microsoft.KeyVault/vaults/secrets"), s => s.Resource["copy"] is not null);
        var accountName = ((string)account["name"]!).Trim('[', ']');
        var composed = $"'connectionstrings--blobs', format('DefaultEndpointsProtocol=https;AccountName={{0}};AccountKey={{1}};EndpointSuffix={{2}}', {accountName}, " +
            $"listKeys(resourceId('Microsoft.Storage/storageAccounts', {accountName}), '2023-05-01').keys[0].value, environment().suffixes.storage)";
        Assert.Contains(composed, (string)vaultSecrets["properties"]!["value"]!);

        foreach (var name in (string[])["api", "trainer"])
        {
            var app = deployment.ContainerApp(name);
            var secret = Assert.Single(app.Secrets, s => (string)s["name"]! == "connectionstrings--blobs");
            Assert.EndsWith("secrets/connectionstrings--blobs", (string)secret["keyVaultUrl"]!);
            Assert.Contains(app.Environment, e => (string)e["name"]! == "ConnectionStrings__blobs" && (string?)e["secretRef"] == "connectionstrings--blobs");
        }
        Assert.DoesNotContain(deployment.ContainerApp("web").Environment, e => (string)e["name"]! == "ConnectionStrings__blobs");
    }

    [Fact]
    public void Every_stateful_container_keeps_its_data_on_a_volume_the_infrastructure_provides()
    {
        var stateful = deployment.Manifest.Where(r => IsStateful(r.Value!)).ToList();
        Assert.Equal(["cache", "messaging"], stateful.Select(r => r.Key).Order());
        var environmentStorages = deployment.Template.OfType("Microsoft.App/managedEnvironments/storages")
            .Select(s => ((string)s.Resource["name"]!).Split('\'')[^2]).ToHashSet();
        foreach (var (name, resource) in stateful)
        {
            Assert.NotEmpty(resource!["volumes"]!.AsArray());
            var app = deployment.ContainerApp(name);
            var container = Assert.Single(app.Containers);
            Assert.Equal((string)resource["image"]!, (string)container["image"]!);
            var volume = Assert.Single(app.Properties["template"]!["volumes"]!.AsArray())!;
            Assert.Equal("AzureFile", (string)volume["storageType"]!);
            var storageOutput = Assert.Single(app.EnvironmentNames, n => n.StartsWith($"SERVICE_{name.ToUpperInvariant()}_VOLUME_", StringComparison.Ordinal));
            Assert.Contains(ModuleOutput(storageOutput), environmentStorages);
            Assert.Contains(container["volumeMounts"]!.AsArray(), m => (string)m!["volumeName"]! == (string)volume["name"]!);
            // One process per data folder: a second replica on the same files would corrupt them.
            Assert.Equal(("1", "1"), ((string)app.Properties["template"]!["scale"]!["minReplicas"]!, (string)app.Properties["template"]!["scale"]!["maxReplicas"]!));
        }
    }

    [Fact]
    public void The_trainers_scale_on_the_length_of_their_queues_in_every_revision_azd_writes()
    {
        // azd deploys each app from its template when there is one, whole, on every deploy: a rule in the template
        // is never dropped. Every app has one, so azd never makes up its own.
        Assert.All(deployment.ContainerApps, name => Assert.True(File.Exists(ContainerAppTemplate.PathOf(name)), $"no template for {name}"));
        var trainer = deployment.ContainerApp("trainer");
        Assert.True(string.CompareOrdinal((string)trainer.Document["api-version"]!, "2025-01-01") >= 0, "cooldownPeriod needs api-version 2025-01-01 or later");
        // The web's sign-in cookies must open on every replica: the platform's shared data-protection keys.
        Assert.All(["api", "web"], name => Assert.Equal("2025-02-02-preview", (string)deployment.ContainerApp(name).Document["api-version"]!));
        Assert.Equal("true", (string)deployment.ContainerApp("web").Properties["configuration"]!["runtime"]!["dotnet"]!["autoConfigureDataProtection"]!);
        var scale = trainer.Properties["template"]!["scale"]!;
        Assert.Equal(deployment.AzdEnvironment["TRAINER_MAX_REPLICAS"], (string)scale["maxReplicas"]!);
        Assert.InRange(int.Parse((string)scale["maxReplicas"]!), 2, 30);
        Assert.InRange(int.Parse((string)scale["minReplicas"]!), 0, 1);
        Assert.InRange(int.Parse((string)scale["cooldownPeriod"]!), 300, 3600);

        var rules = scale["rules"]!.AsArray().Select(r => r!["custom"]!).ToList();
        Assert.Equal([QueueNames.TrainerWork], rules.Select(r => (string)r["metadata"]!["queueName"]!));
        var secrets = trainer.Secrets.Select(s => (string)s["name"]!).ToHashSet();
        foreach (var rule in rules)
        {
            Assert.Equal(("rabbitmq", "QueueLength", "1"), ((string)rule["type"]!, (string)rule["metadata"]!["mode"]!, (string)rule["metadata"]!["value"]!));
            var host = Assert.Single(rule["auth"]!.AsArray(), a => (string)a!["triggerParameter"]! == "host")!;
            Assert.Contains((string)host["secretRef"]!, secrets);
        }
        // The management API KEDA reads has an ingress of its own; AMQP stays inside the environment.
        var ingress = deployment.ContainerApp("messaging").Properties["configuration"]!["ingress"]!;
        Assert.Equal(("true", "15672", "false"), ((string)ingress["external"]!, (string)ingress["targetPort"]!, (string)ingress["allowInsecure"]!));
        Assert.All(ingress["additionalPortMappings"]!.AsArray(), port => Assert.Equal("false", (string)port!["external"]!));
    }

    [Fact]
    public void No_secret_is_written_into_an_app_or_a_template_only_the_key_vault_holds_them()
    {
        var vaultSecrets = VaultSecretNames();
        foreach (var name in deployment.ContainerApps)
        {
            var app = deployment.ContainerApp(name);
            foreach (var secret in app.Secrets)
            {
                Assert.Null(secret["value"]);
                var url = (string)secret["keyVaultUrl"]!;
                Assert.StartsWith(deployment.AzdEnvironment["AZURE_KEY_VAULT_ENDPOINT"] + "secrets/", url);
                Assert.Contains(url.Split('/')[^1], vaultSecrets);
            }
            var declared = app.Secrets.Select(s => (string)s["name"]!).ToHashSet();
            foreach (var variable in app.Environment)
            {
                var variableName = (string)variable["name"]!;
                if (SecretName().IsMatch(variableName))
                {
                    Assert.True(variable["value"] is null, $"{name}: {variableName} is written in plain text");
                }
                if (variable["secretRef"] is { } secretRef)
                {
                    Assert.Contains((string)secretRef!, declared);
                }
            }
        }

        var parameters = deployment.Template.Resources().Select(r => r.Scope).Distinct().SelectMany(scope => scope.Parameters);
        foreach (var (name, parameter) in parameters.Where(p => SecretName().IsMatch(p.Key)))
        {
            Assert.True((string)parameter!["type"]! == "securestring", $"parameter {name} is not @secure()");
        }
        Assert.DoesNotContain(deployment.Template.Outputs!, o => SecretName().IsMatch(o.Key) || ((string?)o.Value!["type"]) == "securestring");
        // The manifest names secrets by reference only.
        foreach (var (resource, value) in deployment.Manifest.Select(r => (r.Key, r.Value!["env"]?.AsObject())).Where(r => r.Item2 is not null).SelectMany(r => r.Item2!.Select(e => (r.Key, e))))
        {
            if (SecretName().IsMatch(value.Key))
            {
                Assert.Matches(@"^\{[^}]+\}$", (string)value.Value!);
            }
        }
    }

    [Fact]
    public void Every_setting_the_apphost_gives_an_app_is_in_its_template_and_every_azd_parameter_is_mapped()
    {
        foreach (var name in deployment.ContainerApps)
        {
            var inTemplate = deployment.ContainerApp(name).Environment.Select(e => (string)e["name"]!).ToHashSet();
            var fromAppHost = deployment.Manifest[name]!["env"]?.AsObject().Select(e => e.Key) ?? [];
            // Aspire also writes each reference's parts (CACHE_HOST, API_HTTPS, …); the apps read the connection strings.
            Assert.All(fromAppHost.Where(key => !ConnectionProperty().IsMatch(key) && !key.Contains("__https__")), key => Assert.Contains(key, inTemplate));
        }
        var mapped = JsonNode.Parse(File.ReadAllText(Path.Combine(DeploymentArtifacts.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = deployment.Template.Parameters.Select(p => p.Key);
        Assert.Equal(declared.Order(), mapped.Select(p => p.Key).Order());
        Assert.All(mapped, p => Assert.Matches(@"^\$\{AZURE_[A-Z_]+(=[^}]*)?\}$", (string)p.Value!["value"]!));
    }

    private static bool IsStateful(JsonNode resource) =>
        ((string)resource["type"]!).StartsWith("container.", StringComparison.Ordinal)
        && StatefulImages.Any(image => ((string)resource["image"]!).Contains($"/{image}:", StringComparison.Ordinal));

    /// <summary>What the resources module gives a main.bicep output that passes one of its outputs on.</summary>
    private string ModuleOutput(string output)
    {
        var (module, _) = Assert.Single(deployment.Template.OfType("Microsoft.Resources/deployments"));
        return (string)module["properties"]!["template"]!["outputs"]![output]!["value"]!;
    }

    private HashSet<string> VaultSecretNames()
    {
        var names = new HashSet<string>();
        foreach (var (secret, scope) in deployment.Template.OfType("Microsoft.KeyVault/vaults/secrets"))
        {
            var name = (string)secret["name"]!;
            if (secret["copy"] is not null)
            {
                var list = Regex.Match(name, @"variables\('(\w+)'\)\[copyIndex\(\)\]").Groups[1].Value;
                names.UnionWith(scope.Variable(list)!.AsArray().Select(n => (string)n!));
            }
            else
            {
                names.Add(name.Split('\'')[^2]);
            }
        }
        return names;
    }

    private static IEnumerable<string> MigrationExtensions() =>
        Directory.GetFiles(Path.Combine(PythonModule.RepositoryRoot, "src", "WeatherFlow.Data", "Migrations"), "*.cs")
            .SelectMany(file => CreateExtension().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct();

    private static async Task<string> TestedPostgresMajorAsync()
    {
        var postgres = Path.Combine(ServerBinary.Postgres.DefaultDirectory(), ServerBinary.Postgres.FileName);
        using var process = Process.Start(new ProcessStartInfo(postgres, "--version") { RedirectStandardOutput = true })!;
        var version = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return Regex.Match(version, @"\(PostgreSQL\) (\d+)").Groups[1].Value;
    }

    [GeneratedRegex("password|secret|connectionstring|key$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^[A-Z]+_(HOST|PORT|PASSWORD|URI|USERNAME|HTTP|HTTPS)$")]
    private static partial Regex ConnectionProperty();

    [GeneratedRegex(@"CREATE EXTENSION IF NOT EXISTS (\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateExtension();
}
