using System.Net;
using System.Text.Json;
using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.Experiments;

/// <summary>The run history through the api: labels, search, filters, keyset pages, sorting by scores, comparison,
/// aggregates and deletion, on a small study of three runs that differ only in hidden size.</summary>
[Collection(CompositionCollection.Name)]
public sealed class ExperimentHistoryTests(CompositionFixture composition)
{
    private static readonly SemaphoreSlim StudyLock = new(1, 1);
    private static ScalingStudy? _study;

    private readonly HttpClient _api = composition.CreateApiClient();

    [Fact]
    public async Task Labels_given_at_submit_are_kept_and_bad_ones_get_the_contracts_422_items()
    {
        var study = await StudyAsync();
        var job = await new ExperimentsClient(_api).GetJobAsync(study.Ids[1], CancellationToken.None);
        Assert.Equal("history h48", job.GetProperty("name").GetString());
        Assert.Equal([study.Tag, "h48", "scaling"], job.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("scaling study of hidden size", job.GetProperty("note").GetString());

        using var bad = await new ExperimentsClient(_api).SubmitAsync(
            $$$"""{"name":" ","tags":["has space"],"note":"{{{new string('n', 2001)}}}","dataset":{"variables":["t"]}}""", respondAsync: true, CancellationToken.None);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var items = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").EnumerateArray().ToList();
        Assert.Equal(["body.name", "body.tags", "body.note"], items.Select(item => string.Join('.', item.GetProperty("loc").EnumerateArray().Select(part => part.ToString()))));
        Assert.All(items, item => Assert.Equal("value_error", item.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_run_without_a_name_is_named_after_its_config()
    {
        var study = await StudyAsync();
        var rows = await ListAsync($"?tag={study.Tag}u");
        Assert.Equal(["grid t 8×8 h32 seed 1404"], rows.Select(row => row.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Search_and_filters_find_the_study_and_keyset_pages_walk_it_once_newest_first()
    {
        var study = await StudyAsync();

        Assert.Equal(study.Ids.Reverse(), (await ListAsync($"?q=SCALING+study&tag={study.Tag}")).Select(Id));
        Assert.Equal([study.Ids[2]], (await ListAsync($"?tag={study.Tag}&tag=h64")).Select(Id));
        Assert.Equal(3, (await ListAsync($"?tag={study.Tag.ToUpperInvariant()}&status=completed&backbone=grid&variable=t&from=2020-01-01")).Count);
        Assert.Empty(await ListAsync($"?tag={study.Tag}&backbone=icosahedral"));
        Assert.Empty(await ListAsync($"?tag={study.Tag}&variable=t&variable=z"));
        Assert.Empty(await ListAsync($"?tag={study.Tag}&from={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}"));

        var walked = new List<Guid>();
        var next = $"{ExperimentsClient.Path}?tag={study.Tag}&status=completed&limit=1";
        while (next is not null)
        {
            using var page = await _api.GetAsync(next);
            page.EnsureSuccessStatusCode();
            walked.AddRange(JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(Id));
            next = page.Headers.TryGetValues("Link", out var links) ? links.Single().Split(';')[0].Trim('<', '>') : null;
            // A run submitted meanwhile is newer than every page already read, so it changes nothing ahead.
            Assert.True(walked.Count <= 3, "the pages ran past the study");
        }
        Assert.Equal(study.Ids.Reverse(), walked);
    }

    [Theory]
    [InlineData("validationLoss", "", false)]
    [InlineData("validationLoss", "&order=desc", true)]
    [InlineData("meanSkill", "", true)]
    [InlineData("runTime", "", false)]
    public async Task Sorting_by_a_score_orders_the_runs_by_it_across_pages(string sort, string order, bool descending)
    {
        var study = await StudyAsync();
        var property = sort == "runTime" ? "runSeconds" : sort;
        var rows = new List<JsonElement>();
        var next = $"{ExperimentsClient.Path}?tag={study.Tag}&status=completed&sort={sort}{order}&limit=2";
        while (next is not null)
        {
            using var page = await _api.GetAsync(next);
            page.EnsureSuccessStatusCode();
            rows.AddRange(JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(row => row.Clone()));
            next = page.Headers.TryGetValues("Link", out var links) ? links.Single().Split(';')[0].Trim('<', '>') : null;
        }

        var values = rows.Select(row => row.GetProperty(property).GetDouble()).ToList();
        Assert.Equal(3, values.Count);
        Assert.Equal(descending ? values.OrderDescending() : values.Order(), values);
        Assert.Equal(study.Ids.Order(), rows.Select(Id).Order());
    }

    [Fact]
    public async Task Bad_query_parameters_get_a_400_naming_each_parameter_and_why()
    {
        using var response = await _api.GetAsync($"{ExperimentsClient.Path}?status=done&sort=speed&order=up&limit=0&from=yesterday&tag=a%20b&variable=w&cursor=nonsense");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(
            ["cursor", "from", "limit", "order", "sort", "status", "tag", "variable"],
            errors.EnumerateObject().Select(error => error.Name).Order());
        Assert.Contains("'done'", errors.GetProperty("status")[0].GetString());
        Assert.Contains("yesterday", errors.GetProperty("from")[0].GetString());

        var study = await StudyAsync();
        using var first = await _api.GetAsync($"{ExperimentsClient.Path}?tag={study.Tag}&limit=1");
        var cursor = first.Headers.GetValues("Link").Single().Split("cursor=")[1].Split('>')[0];
        using var replayed = await _api.GetAsync($"{ExperimentsClient.Path}?tag={study.Tag}&limit=1&sort=meanSkill&cursor={cursor}");
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("another sort", await replayed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Labels_are_edited_in_place_and_a_cached_finished_job_shows_the_edit()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 1405), timeout.Token);
        await experiments.GetJobAsync(id, timeout.Token);

        using var edited = await experiments.UpdateLabelsAsync(id, """{"name":"renamed","tags":["Edited"],"note":"a second look"}""", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var job = await experiments.GetJobAsync(id, CancellationToken.None);
        Assert.Equal(("renamed", "edited", "a second look"), (job.GetProperty("name").GetString(), job.GetProperty("tags")[0].GetString(), job.GetProperty("note").GetString()));
        Assert.Equal([id], (await ListAsync("?tag=edited&q=renamed")).Select(Id));

        using var cleared = await experiments.UpdateLabelsAsync(id, """{"tags":[],"note":""}""", CancellationToken.None);
        job = await experiments.GetJobAsync(id, CancellationToken.None);
        Assert.Equal(("renamed", 0, JsonValueKind.Null), (job.GetProperty("name").GetString(), job.GetProperty("tags").GetArrayLength(), job.GetProperty("note").ValueKind));

        using var bad = await experiments.UpdateLabelsAsync(id, """{"name":"","tags":["no spaces allowed"]}""", CancellationToken.None);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["name", "tags"], errors.EnumerateObject().Select(error => error.Name).Order());

        using var plain = await _api.PatchAsync($"{ExperimentsClient.Path}/{id}", new StringContent("""{"name":"x"}"""));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        using var unknown = await experiments.UpdateLabelsAsync(Guid.CreateVersion7(), """{"name":"x"}""", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Comparison_shows_what_differs_the_curves_and_each_channels_scores()
    {
        var study = await StudyAsync();
        var comparison = JsonDocument.Parse(await _api.GetStringAsync(
            $"{ExperimentsClient.Path}/compare?id={study.Ids[0]}&id={study.Ids[1]},{study.Ids[2]}")).RootElement;

        Assert.Equal(study.Ids, comparison.GetProperty("experiments").EnumerateArray().Select(Id));
        var differences = comparison.GetProperty("differences").EnumerateArray().ToDictionary(
            difference => difference.GetProperty("path").GetString()!,
            difference => difference.GetProperty("values").EnumerateArray().Select(value => value.GetRawText()).ToList());
        Assert.Equal(["32", "48", "64"], differences["model.hiddenDim"]);
        Assert.DoesNotContain("dataset.variables", differences.Keys);
        Assert.All(comparison.GetProperty("curves").EnumerateArray(), curve => Assert.Equal(2, curve.GetArrayLength()));
        var channel = Assert.Single(comparison.GetProperty("channels").EnumerateArray());
        Assert.Equal("t@500", channel.GetProperty("name").GetString());
        Assert.All(channel.GetProperty("scores").EnumerateArray(), score => Assert.True(score.GetProperty("rmse").GetDouble() > 0));

        using var one = await _api.GetAsync($"{ExperimentsClient.Path}/compare?id={study.Ids[0]}");
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        using var unknown = await _api.GetAsync($"{ExperimentsClient.Path}/compare?id={study.Ids[0]}&id={Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Aggregates_summarise_a_score_per_value_of_a_config_field()
    {
        var study = await StudyAsync();
        var rows = await ListAsync($"?tag={study.Tag}&tag=scaling");
        var aggregates = JsonDocument.Parse(await _api.GetStringAsync(
            $"{ExperimentsClient.Path}/aggregates?tag={study.Tag}&tag=scaling&by=hiddenDim&metric=validationLoss")).RootElement;

        Assert.Equal(("validationLoss", "hiddenDim"), (aggregates.GetProperty("metric").GetString(), aggregates.GetProperty("by").GetString()));
        var groups = aggregates.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["32", "48", "64"], groups.Select(group => group.GetProperty("key").GetString()));
        foreach (var group in groups)
        {
            var loss = rows.Single(row => row.GetProperty("hiddenDim").GetInt32() == group.GetProperty("numericKey").GetInt32()).GetProperty("validationLoss").GetDouble();
            Assert.Equal((1, loss, loss, loss), (group.GetProperty("count").GetInt32(), group.GetProperty("mean").GetDouble(), group.GetProperty("min").GetDouble(), group.GetProperty("max").GetDouble()));
        }
        using var bad = await _api.GetAsync($"{ExperimentsClient.Path}/aggregates?by=colour");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_finished_run_removes_it_and_its_metrics_from_everything()
    {
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var id = await experiments.RunAsync(ExperimentRequests.Tiny(seed: 1410), timeout.Token);
        await experiments.GetJobAsync(id, timeout.Token);

        using var deleted = await experiments.DeleteAsync(id, timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var path in (string[])["", "/metrics", "/metrics.csv", "/result"])
        {
            using var gone = await _api.GetAsync($"{ExperimentsClient.Path}/{id}{path}", timeout.Token);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        Assert.DoesNotContain(id, (await ListAsync("?limit=200")).Select(Id));
    }

    private static Guid Id(JsonElement row) => row.GetProperty("id").GetGuid();

    private async Task<List<JsonElement>> ListAsync(string query)
    {
        using var list = JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}{query}"));
        return [.. list.RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    /// <summary>The three named runs of the study (hidden size 32, 48, 64, in submission order) and, tagged apart, one
    /// left unnamed; trained once for all the tests of this class.</summary>
    private async Task<ScalingStudy> StudyAsync()
    {
        await StudyLock.WaitAsync();
        try
        {
            return _study ??= await TrainStudyAsync();
        }
        finally
        {
            StudyLock.Release();
        }
    }

    private async Task<ScalingStudy> TrainStudyAsync()
    {
        var study = await ScalingStudy.TrainAsync(_api, "history", firstSeed: 1401);
        using var timeout = TestTimeout.Runs();
        var experiments = new ExperimentsClient(_api);
        var unnamed = await experiments.RunAsync($$"""{"tags":["{{study.Tag}}u"],{{ExperimentRequests.Tiny(seed: 1404).TrimStart()[1..]}}""", timeout.Token);
        return study;
    }
}
