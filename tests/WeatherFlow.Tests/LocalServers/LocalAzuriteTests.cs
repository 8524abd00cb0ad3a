using System.Net;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeatherFlow.Data.DatasetFiles;
using WeatherFlow.Tests.Composition;
using WeatherFlow.Tests.Infrastructure;
using static WeatherFlow.Tests.Infrastructure.CompositionResources;

namespace WeatherFlow.Tests.LocalServers;

/// <summary>
/// The local blob storage (Azurite, from npm) on its own: it turns healthy only for its own account's key, keeps a
/// dataset's files as the <see cref="DatasetFileStore"/> writes them, and comes back by itself, files and all, after
/// it is killed.
/// </summary>
[Collection(CompositionLifecycleCollection.Name)]
[Trait(TestLanes.Trait, TestLanes.Isolated)]
public sealed class LocalAzuriteTests
{
    /// <summary>Azurite's published key for its default account, which every emulator user knows.</summary>
    private const string WellKnownConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{0}/devstoreaccount1;";

    [Fact]
    public async Task Dataset_files_round_trip_and_survive_azurite_killed_and_started_again()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var state = Directory.CreateTempSubdirectory("weatherflow-tests-");
        var work = Directory.CreateTempSubdirectory("weatherflow-blobs-");
        try
        {
            await using var app = await BackingServersOnly.StartAsync(state.FullName, resource => resource.Name == Blobs, ct);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(Blobs, ct);
            var connectionString = (await app.GetConnectionStringAsync(Blobs, ct))!;
            var port = app.GetEndpoint(Blobs, "http").Port;
            Assert.Matches($@"^DefaultEndpointsProtocol=http;AccountName=weatherflow;AccountKey=[A-Za-z0-9]{{64}};BlobEndpoint=http://127\.0\.0\.1:{port}/weatherflow;$", connectionString);
            Assert.InRange(port, 1, 32767);
            var pid = Assert.Single(await app.GetProcessIdsAsync(Blobs));
            Assert.All(ProcessInspection.ListeningEndpoints(ProcessInspection.Descendants([pid])), listener =>
                Assert.True(IPAddress.IsLoopback(listener.Address), $"{listener} is not on loopback"));
            Assert.StartsWith(Path.Combine(state.FullName, "azurite", Blobs), ProcessInspection.CommandLine(pid).SkipWhile(a => a != "--location").ElementAt(1));

            // The emulator's published key opens nothing: its default account is gone, and ours wants the generated key.
            var stranger = new BlobServiceClient(string.Format(System.Globalization.CultureInfo.InvariantCulture, WellKnownConnectionString, port));
            Assert.Equal((int)HttpStatusCode.NotFound, (await Assert.ThrowsAsync<RequestFailedException>(() => stranger.GetPropertiesAsync(ct))).Status);
            var wrongKey = new BlobServiceClient(connectionString.Replace(KeyIn(connectionString), Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), StringComparison.Ordinal));
            Assert.Equal((int)HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<RequestFailedException>(() => wrongKey.GetPropertiesAsync(ct))).Status);

            var store = new DatasetFileStore(new BlobServiceClient(connectionString));
            var dataset = Guid.NewGuid();
            var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
            // A stream that cannot seek, as a request body is: the store must not need the length.
            await using (var upload = new NonSeekableStream(content))
            {
                Assert.Equal(content.Length, await store.UploadAsync(dataset, "Tstorm.cdf", upload, ct));
            }
            await store.UploadAsync(dataset, "Pstorm.cdf", new MemoryStream([1, 2, 3]), ct);
            var downloaded = Path.Combine(work.FullName, "Tstorm.cdf");
            await store.DownloadToAsync(dataset, "Tstorm.cdf", downloaded, ct);
            Assert.Equal(content, await File.ReadAllBytesAsync(downloaded, ct));

            await store.DeleteAsync(dataset, ct);
            Assert.False(await store.ExistsAsync(dataset, "Tstorm.cdf", ct));
            Assert.False(await store.ExistsAsync(dataset, "Pstorm.cdf", ct));

            var kept = Guid.NewGuid();
            await store.UploadAsync(kept, "kept.cdf", new MemoryStream(content), ct);
            await SavedAsync(Path.Combine(state.FullName, "azurite", Blobs), $"{kept}/kept.cdf", ct);
            // SIGKILL, as the kernel's OOM killer would end it: no chance to flush or shut down.
            System.Diagnostics.Process.GetProcessById(pid).Kill();
            var line = await app.WaitForLogLineAsync(Blobs, l => l.Contains("stopped unexpectedly", StringComparison.Ordinal), ct);
            Assert.Contains($"{Blobs} stopped unexpectedly", line);
            Assert.Contains("WeatherFlow starts it again in", line);
            await app.ResourceNotifications.WaitForResourceAsync(Blobs, e => e.Snapshot is { HealthStatus: HealthStatus.Healthy, State.Text: var s }
                && s == KnownResourceStates.Running && !e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && Convert.ToInt32(p.Value, System.Globalization.CultureInfo.InvariantCulture) == pid), ct);
            Assert.NotEqual(pid, Assert.Single(await app.GetProcessIdsAsync(Blobs)));

            Assert.True(await store.ExistsAsync(kept, "kept.cdf", ct));
            await store.DownloadToAsync(kept, "kept.cdf", downloaded, ct);
            Assert.Equal(content, await File.ReadAllBytesAsync(downloaded, ct));
        }
        finally
        {
            state.Delete(recursive: true);
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Waits until Azurite has saved its blob list with the blob in it. It saves every 5 s (and on a stop it is asked
    /// for), so a blob written in the last 5 s before a SIGKILL is lost: an emulator's limit, which the README states.
    /// </summary>
    private static async Task SavedAsync(string location, string blobName, CancellationToken ct)
    {
        var metadata = Path.Combine(location, "__azurite_db_blob__.json");
        while (!File.Exists(metadata) || !(await File.ReadAllTextAsync(metadata, ct)).Contains(blobName, StringComparison.Ordinal))
        {
            await Task.Delay(200, ct);
        }
    }

    private static string KeyIn(string connectionString) =>
        connectionString.Split(';').Single(part => part.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];

    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
