using Microsoft.Extensions.Primitives;

namespace WeatherFlow.Api.Tests;

/// <summary>The RFC 7240 <c>Prefer</c> header as the submit endpoint reads it, and how long it then waits.</summary>
public sealed class AsyncPreferenceTests
{
    private static readonly TimeSpan ServerLimit = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("respond-async", true, null)]
    [InlineData("RESPOND-ASYNC", true, null)]
    [InlineData("wait=10", false, 10)]
    [InlineData("respond-async, wait=0", true, 0)]
    [InlineData("respond-async; wait=30", true, 30)]
    [InlineData("handling=lenient, Wait=7", false, 7)]
    [InlineData("wait=-1", false, null)]
    [InlineData("wait=soon", false, null)]
    [InlineData("wait=99999999999", false, null)]
    [InlineData("respond-asynchronously", false, null)]
    [InlineData("", false, null)]
    public void The_header_says_whether_to_answer_at_once_and_how_long_the_client_waits(string header, bool respondAsync, int? waitSeconds)
    {
        var preference = AsyncPreference.Parse(new StringValues(header));

        Assert.Equal(new AsyncPreference(respondAsync, waitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null), preference);
    }

    [Fact]
    public void Several_header_lines_are_read_together()
    {
        var preference = AsyncPreference.Parse(new StringValues(["wait=3", "respond-async"]));

        Assert.Equal(new AsyncPreference(true, TimeSpan.FromSeconds(3)), preference);
    }

    [Fact]
    public void No_header_prefers_nothing() =>
        Assert.Equal(new AsyncPreference(false, null), AsyncPreference.Parse(StringValues.Empty));

    [Theory]
    [InlineData(false, null, 300)]
    [InlineData(true, null, 0)]
    [InlineData(true, 20, 20)]
    [InlineData(false, 20, 20)]
    [InlineData(false, 600, 300)]
    [InlineData(true, 0, 0)]
    public void The_wait_is_the_clients_capped_by_the_server_none_for_a_bare_respond_async(bool respondAsync, int? waitSeconds, int expectedSeconds)
    {
        var preference = new AsyncPreference(respondAsync, waitSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), preference.WaitFor(ServerLimit));
    }
}
