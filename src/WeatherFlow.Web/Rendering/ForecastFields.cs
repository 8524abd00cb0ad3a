using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Web.Rendering;

/// <summary>
/// A channel's maps, or null where there are none: retention empties the fields of old large results (keeping their
/// scores), and pages show that plainly instead of drawing empty pictures.
/// </summary>
public static class ForecastFields
{
    public static bool Kept(ChannelPrediction? channel) => channel is { Initial.Count: > 0 };

    /// <summary>The forecast at t = 1 (the initial state for a forecast of one time).</summary>
    public static IReadOnlyList<IReadOnlyList<double>>? Final(ChannelPrediction? channel) =>
        !Kept(channel) ? null : channel!.Trajectory.Count > 0 ? channel.Trajectory[^1].Data : channel.Initial;

    public static IReadOnlyList<IReadOnlyList<double>>? Target(ChannelPrediction? channel) => Kept(channel) ? channel!.Target : null;
}
