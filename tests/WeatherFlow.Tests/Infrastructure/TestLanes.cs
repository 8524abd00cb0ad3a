namespace WeatherFlow.Tests.Infrastructure;

/// <summary>
/// eng/test.sh runs this project as two processes side by side, to halve its wall time: the tests of the shared
/// composition and its variants in one, and in the other the tests marked <see cref="Isolated"/>, which kill, stop
/// and restart what they start themselves and would disturb the shared composition. A test without the trait runs
/// in the first lane, so no test is left out of both.
/// </summary>
public static class TestLanes
{
    public const string Trait = "Lane";
    public const string Isolated = "isolated";
}
