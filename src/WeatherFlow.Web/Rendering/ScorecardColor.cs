namespace WeatherFlow.Web.Rendering;

/// <summary>
/// A scorecard cell's background: green where a forecast beats what it is compared with, red where it loses, paler
/// the smaller the margin, as WeatherBench's scorecards do. Never fully saturated, so the number on it stays legible.
/// </summary>
public static class ScorecardColor
{
    private static readonly (byte R, byte G, byte B) Better = (0x1a, 0x98, 0x50), Worse = (0xd7, 0x30, 0x27);
    private const double Strongest = 0.75;

    /// <param name="gain">Positive when better, negative when worse.</param>
    /// <param name="full">The margin drawn at full strength; larger ones look the same.</param>
    public static string Of(double? gain, double full)
    {
        if (gain is not { } value || !double.IsFinite(value) || value == 0)
        {
            return "#ffffff";
        }
        var strength = Strongest * Math.Min(1, Math.Abs(value) / full);
        var (r, g, b) = value > 0 ? Better : Worse;
        return $"#{Mix(r, strength):x2}{Mix(g, strength):x2}{Mix(b, strength):x2}";
    }

    /// <summary>For skill (1 − RMSE / baseline RMSE): a 0.2 margin, a fifth of the baseline's error, is as strong as it gets.</summary>
    public static string OfSkill(double? skill) => Of(skill, 0.2);

    /// <summary>For a % RMSE difference, where lower is better: 20 % is as strong as it gets, as for skill.</summary>
    public static string OfPercentDifference(double percent) => Of(-percent, 20);

    private static byte Mix(byte channel, double strength) => (byte)Math.Round(255 + (channel - 255) * strength);
}
