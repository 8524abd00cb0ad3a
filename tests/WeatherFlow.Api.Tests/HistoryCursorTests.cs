using System.Buffers.Text;
using System.Text;

namespace WeatherFlow.Api.Tests;

/// <summary>The history's opaque page cursor: what it carries survives the round trip, and anything a client
/// made up or altered is refused rather than trusted.</summary>
public sealed class HistoryCursorTests
{
    private static readonly Guid Id = Guid.Parse("0195f0a4-1b2c-7d3e-8f40-123456789abc");

    public static TheoryData<HistoryCursor> Cursors => new()
    {
        new HistoryCursor(HistorySort.Submitted, true, HistoryCursor.KeyOf(new DateTimeOffset(2026, 12, 7, 22, 31, 31, TimeSpan.Zero).AddTicks(9430)), Id),
        new HistoryCursor(HistorySort.ValidationLoss, false, 0.1218014806509018, Id),
        new HistoryCursor(HistorySort.MeanSkill, true, double.NegativeInfinity, Id),
        new HistoryCursor(HistorySort.RunTime, false, double.PositiveInfinity, Id),
        new HistoryCursor(HistorySort.Score, false, -3.5e-300, Id, "rmse:z@500:24h"),
    };

    [Theory]
    [MemberData(nameof(Cursors))]
    public void A_cursor_decodes_to_exactly_what_was_encoded(HistoryCursor cursor) =>
        Assert.Equal(cursor, HistoryCursor.Decode(cursor.Encode()));

    [Fact]
    public void The_encoding_is_url_safe_text()
    {
        var text = new HistoryCursor(HistorySort.Score, true, 1.0 / 3, Id, "skillClim:v@500:7.5h").Encode();

        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Theory]
    [InlineData("Submitted|desc|1|0195f0a4-1b2c-7d3e-8f40-123456789abc", HistorySort.Submitted)]
    [InlineData("Score|asc|2.5|0195f0a4-1b2c-7d3e-8f40-123456789abc|acc:t:6h", HistorySort.Score)]
    public void A_well_formed_cursor_is_read(string plain, HistorySort sort) =>
        Assert.Equal(sort, HistoryCursor.Decode(Encode(plain))?.Sort);

    [Theory]
    [InlineData("Submitted|desc|1")]
    [InlineData("Submitted|desc|1|0195f0a4-1b2c-7d3e-8f40-123456789abc|extra|parts")]
    [InlineData("Speed|desc|1|0195f0a4-1b2c-7d3e-8f40-123456789abc")]
    [InlineData("7|desc|1|0195f0a4-1b2c-7d3e-8f40-123456789abc")]
    [InlineData("Submitted|down|1|0195f0a4-1b2c-7d3e-8f40-123456789abc")]
    [InlineData("Submitted|desc|one|0195f0a4-1b2c-7d3e-8f40-123456789abc")]
    [InlineData("Submitted|desc|1|not-a-guid")]
    [InlineData("Submitted|desc|1|0195f0a4-1b2c-7d3e-8f40-123456789abc|rmse:t:6h")]
    [InlineData("Score|desc|1|0195f0a4-1b2c-7d3e-8f40-123456789abc")]
    public void A_cursor_with_a_part_missing_extra_or_wrong_is_refused(string plain) =>
        Assert.Null(HistoryCursor.Decode(Encode(plain)));

    [Theory]
    [InlineData("nonsense!")]
    [InlineData("a b")]
    [InlineData("")]
    public void Text_that_is_not_base64url_is_refused(string text) => Assert.Null(HistoryCursor.Decode(text));

    [Fact]
    public void A_cursor_longer_than_any_the_api_hands_out_is_refused_unread()
    {
        var padded = $"Score|asc|1|{Id}|{new string('x', 400)}";

        Assert.Null(HistoryCursor.Decode(Encode(padded)));
    }

    [Fact]
    public void Submitted_times_are_keyed_in_microseconds_and_come_back_to_the_microsecond()
    {
        var submitted = new DateTimeOffset(2026, 12, 7, 22, 31, 31, TimeSpan.Zero).AddTicks(9_431);

        var key = HistoryCursor.KeyOf(submitted);

        Assert.Equal((submitted - DateTimeOffset.UnixEpoch).Ticks / 10, key);
        Assert.Equal(submitted.AddTicks(-1), new HistoryCursor(HistorySort.Submitted, true, key, Id).SubmittedAt);
    }

    private static string Encode(string plain) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(plain));
}
