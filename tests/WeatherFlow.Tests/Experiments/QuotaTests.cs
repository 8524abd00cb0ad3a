using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>Quotas per account, checked at submit: an admin sets them, a run over them is refused with a 429 that
/// says which quota and when it frees up, and accepted once it has.</summary>
[Collection(CompositionCollection.Name)]
public sealed class QuotaTests(CompositionFixture composition)
{
    [Fact]
    public async Task A_quota_of_one_concurrent_run_refuses_a_second_until_the_first_finishes()
    {
        using var timeout = TestTimeout.LongRuns();
        var ct = timeout.Token;
        var (account, token) = await composition.NewAccountAsync("erin", ct);
        var email = account.Email;
        using var user = composition.CreateApiClient(token);
        using var admin = composition.CreateApiClient();

        using (var byUser = await user.PutAsync($"/api/accounts/{email}/quota", Json("""{"maxActiveExperiments":1}"""), ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
            Assert.Contains("admin", await byUser.Content.ReadAsStringAsync(ct));
        }
        using (var invalid = await admin.PutAsync($"/api/accounts/{email}/quota", Json("""{"maxActiveExperiments":0}"""), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Contains("maxActiveExperiments", await invalid.Content.ReadAsStringAsync(ct));
        }
        using (var set = await admin.PutAsync($"/api/accounts/{email}/quota", Json("""{"maxActiveExperiments":1,"maxRunSecondsPerDay":null}"""), ct))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            var quota = await set.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal((1, false), (quota.GetProperty("maxActiveExperiments").GetInt32(), quota.GetProperty("isDefault").GetBoolean()));
        }

        var experiments = new ExperimentsClient(user);
        var first = await experiments.StartAsync(ExperimentRequests.Seconds(seed: 2901), ct);
        using (var second = await experiments.SubmitAsync(ExperimentRequests.Seconds(seed: 2902), respondAsync: true, ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
            var detail = (await second.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString();
            Assert.Contains("Quota of queued or running experiments reached: 1 of 1", detail);
            Assert.Contains("frees up as soon as one of them finishes", detail);
        }
        Assert.Equal(1, (await user.GetFromJsonAsync<JsonElement>("/api/me/quota", ct)).GetProperty("activeExperiments").GetInt32());
        // An admin has no quota, and the user's run already accepted goes on.
        using (var byAdmin = await new ExperimentsClient(admin).SubmitAsync(ExperimentRequests.Tiny(seed: 2903), respondAsync: true, ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, byAdmin.StatusCode);
        }

        await experiments.WaitForCompletionAsync(first, ct);
        var accepted = await experiments.StartAsync(ExperimentRequests.Seconds(seed: 2902), ct);
        Assert.NotEqual(first, accepted);
        Assert.True((await user.GetFromJsonAsync<JsonElement>("/api/me/quota", ct)).GetProperty("runSecondsLast24Hours").GetDouble() > 0);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
