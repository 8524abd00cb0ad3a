namespace WeatherFlow.Api.Tests;

/// <summary>The history's text search: what a user types is found literally, wildcards and escapes included.</summary>
public sealed class LikePatternTests
{
    [Theory]
    [InlineData("storm", "%storm%")]
    [InlineData("100%", @"%100\%%")]
    [InlineData("h_32", @"%h\_32%")]
    [InlineData(@"a\b", @"%a\\b%")]
    [InlineData(@"\%_", @"%\\\%\_%")]
    public void Wildcards_and_backslashes_in_the_text_are_escaped(string text, string pattern) =>
        Assert.Equal(pattern, LikePattern.Containing(text));
}
