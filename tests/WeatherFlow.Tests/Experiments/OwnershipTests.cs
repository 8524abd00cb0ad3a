using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>
/// Each run belongs to the account that submitted it: another account gets 404 for it everywhere (so ids do not
/// leak), the admin (the AppHost's admin-email) sees and manages all, and anonymous callers keep what old clients use.
/// </summary>
[Collection(CompositionCollection.Name)]
public sealed class OwnershipTests(CompositionFixture composition)
{
    [Fact]
    public async Task Another_account_gets_404_for_a_run_everywhere_while_its_owner_and_the_admin_see_and_manage_it()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        using var alice = await composition.NewAccountClientAsync("alice", ct);
        using var bob = await composition.NewAccountClientAsync("bob", ct);
        using var admin = composition.CreateApiClient();
        var id = await new ExperimentsClient(alice).StartAsync(ExperimentRequests.Tiny(seed: 2701), ct);
        await new ExperimentsClient(alice).WaitForFinalStateAsync(id, ct);

        var path = $"{ExperimentsClient.Path}/{id}";
        foreach (var request in (Func<HttpRequestMessage>[])
        [
            () => new(HttpMethod.Get, path), () => new(HttpMethod.Get, $"{path}/result"), () => new(HttpMethod.Get, $"{path}/metrics"),
            () => new(HttpMethod.Get, $"{path}/metrics.csv"), () => new(HttpMethod.Get, $"{path}/events"), () => new(HttpMethod.Get, $"{path}/model"),
            () => new(HttpMethod.Get, $"{path}/model/metadata"), () => new(HttpMethod.Post, $"{path}/cancel"), () => new(HttpMethod.Delete, path),
            () => new(HttpMethod.Patch, path) { Content = Json("""{"name":"mine now"}""") },
            () => new(HttpMethod.Post, $"{path}/predictions") { Content = Json("""{"seed":5}""") },
        ])
        {
            using var refused = await bob.SendAsync(request(), ct);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{refused.RequestMessage!.Method} {refused.RequestMessage.RequestUri} answered {(int)refused.StatusCode} to another account");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        using (var compared = await bob.GetAsync($"{ExperimentsClient.Path}/compare?id={id}&id={Guid.NewGuid()}", ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, compared.StatusCode);
        }
        Assert.DoesNotContain(id, await ListedIdsAsync(bob, ct));
        Assert.Contains(id, await ListedIdsAsync(alice, ct));
        Assert.Contains(id, await ListedIdsAsync(admin, ct));

        using (var renamed = await admin.PatchAsync(path, Json("""{"note":"checked by the admin"}"""), ct))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }
        Assert.Equal("checked by the admin", (await new ExperimentsClient(alice).GetJobAsync(id, ct)).GetProperty("note").GetString());
        using (var deleted = await alice.DeleteAsync(path, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    [Fact]
    public async Task Anonymous_callers_keep_the_contract_calls_from_the_original_frontend_and_list_nothing()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        using var anonymous = composition.App.CreateHttpClient(CompositionResources.Api);
        using var alice = await composition.NewAccountClientAsync("carol", ct);

        using (var list = await anonymous.GetAsync(ExperimentsClient.Path, ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
            Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
            Assert.Contains("personal access token", await list.Content.ReadAsStringAsync(ct));
        }
        foreach (var contractPath in (string[])["/api/health", "/api/options"])
        {
            using var answer = await anonymous.SendAsync(FromOriginalFrontend(HttpMethod.Get, contractPath), ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("http://localhost:5173", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
        var submit = FromOriginalFrontend(HttpMethod.Post, ExperimentsClient.Path);
        submit.Content = Json(ExperimentRequests.Tiny(seed: 2702));
        using var trained = await anonymous.SendAsync(submit, ct);
        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        Assert.Equal("http://localhost:5173", trained.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var id = Guid.Parse((await trained.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("experimentId").GetString()!);

        // Its id is the anonymous caller's only way back to it, like an unlisted link; only admins list it.
        Assert.Equal("completed", (await new ExperimentsClient(anonymous).GetJobAsync(id, ct)).GetProperty("status").GetString());
        Assert.DoesNotContain(id, await ListedIdsAsync(alice, ct));
        using var admin = composition.CreateApiClient();
        Assert.Contains(id, await ListedIdsAsync(admin, ct));
        using var cancel = await anonymous.PostAsync($"{ExperimentsClient.Path}/{id}/cancel", null, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, cancel.StatusCode);
    }

    [Fact]
    public async Task The_web_shows_each_user_only_their_own_runs()
    {
        using var timeout = TestTimeout.Runs();
        var ct = timeout.Token;
        var (dave, _) = await composition.NewAccountAsync("dave", ct);
        using var admin = composition.CreateApiClient();
        var theirs = await new ExperimentsClient(admin).StartAsync(ExperimentRequests.Tiny(seed: 2703), ct);
        using var web = dave.CreateWebClient();

        using var page = await web.GetAsync($"/experiments/{theirs}", ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("not found", await page.Content.ReadAsStringAsync(ct), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(theirs.ToString(), await web.GetStringAsync("/", ct));
        using var adminPage = await composition.CreateWebClient().GetAsync($"/experiments/{theirs}", ct);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);

        using var anonymousWeb = composition.App.CreateHttpClient(CompositionResources.Web);
        using var signIn = await anonymousWeb.GetAsync("/", ct);
        Assert.Contains("/Identity/Account/Login", signIn.RequestMessage!.RequestUri!.ToString());
    }

    private static async Task<List<Guid>> ListedIdsAsync(HttpClient api, CancellationToken ct) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"{ExperimentsClient.Path}?limit=200", ct)).EnumerateArray().Select(row => row.GetProperty("id").GetGuid())];

    private static HttpRequestMessage FromOriginalFrontend(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", "http://localhost:5173");
        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
