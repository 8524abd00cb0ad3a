namespace WeatherFlow.Web.Rendering;

/// <summary>One colour per compared run (at most six), told apart by most kinds of colour blindness (Okabe–Ito).</summary>
public static class RunColors
{
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

    public static string Of(int index) => Palette[index % Palette.Length];
}
