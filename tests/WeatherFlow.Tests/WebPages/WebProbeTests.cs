using WeatherFlow.Tests.Infrastructure;

namespace WeatherFlow.Tests.WebPages;

/// <summary>The web's pages, asked with addresses and queries no link makes, still answer a real page, never 5xx.</summary>
[Collection(CompositionCollection.Name)]
public sealed class WebProbeTests(CompositionFixture composition)
{
    private readonly HttpClient _web = composition.CreateWebClient();

    [Theory]
    [InlineData("/?limit=abc&sort=speed&order=up&from=yesterday&status=done&variable=w&tag=a%20b&cursor=zzz")]
    [InlineData("/?q=" + "%E2%80%AE%F0%9F%98%80")]
    [InlineData("/?cursor=c3VibWl0dGVkfGRlc2N8MXwx")]
    [InlineData("/experiments/compare")]
    [InlineData("/experiments/compare?id=garbage&id=0192f5a4-0000-7000-8000-000000000000")]
    [InlineData("/experiments/compare?id=0192f5a4-0000-7000-8000-000000000000&id=0192f5a4-0000-7000-8000-000000000001")]
    [InlineData("/experiments/aggregates?by=zzz&metric=qqq&from=never")]
    [InlineData("/experiments/0192f5a4-0000-7000-8000-000000000000/delete")]
    [InlineData("/experiments/0192f5a4-0000-7000-8000-000000000000?forecast=0192f5a4-0000-7000-8000-000000000001")]
    [InlineData("/experiments/new?from=0192f5a4-0000-7000-8000-000000000000")]
    [InlineData("/experiments/new?from=garbage")]
    public async Task An_odd_address_answers_a_real_page(string path)
    {
        using var response = await _web.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{path} → {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<main role=\"main\"", page);
        Assert.Contains("href=\"/\"", page);
    }
}
