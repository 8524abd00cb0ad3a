using System.Text.Json;
using WeatherFlow.Contracts.Json;

namespace WeatherFlow.Contracts.Results;

/// <summary>
/// The numbers a run is ranked and grouped by, kept beside its result so lists never read the result document:
/// the validation loss of the epoch whose weights made the forecast, and the mean skill over channels that have one.
/// </summary>
public sealed record ResultScores(double? ValidationLoss, double? MeanSkill)
{
    public static ResultScores Of(ValidationMetrics validation, PredictionResult prediction) => Of(
        validation.Metrics.Select(epoch => (epoch.Epoch, epoch.ValLoss)),
        prediction.ModelEpoch,
        prediction.Channels.Select(channel => channel.Skill));

    /// <summary>Reads only the blocks it needs from a stored or cached result document.</summary>
    public static ResultScores Of(string resultJson)
    {
        var document = JsonSerializer.Deserialize<ScoredBlocks>(resultJson, ExperimentJson.Options)!;
        return Of(
            document.Validation.Metrics.Select(epoch => (epoch.Epoch, epoch.ValLoss)),
            document.Prediction.ModelEpoch,
            document.Prediction.Channels.Select(channel => channel.Skill));
    }

    private static ResultScores Of(IEnumerable<(int Epoch, double ValLoss)> epochs, int modelEpoch, IEnumerable<double?> skills)
    {
        var losses = epochs.ToList();
        // Documents from before the best epoch was kept name no model epoch: their forecast came from the last one.
        double? validationLoss = losses.Count == 0 ? null
            : losses.Where(epoch => epoch.Epoch == modelEpoch).Select(epoch => (double?)epoch.ValLoss).FirstOrDefault() ?? losses[^1].ValLoss;
        var known = skills.OfType<double>().ToList();
        return new(validationLoss, known.Count == 0 ? null : known.Average());
    }

    private sealed record ScoredBlocks(ValidationMetrics Validation, ScoredPrediction Prediction);

    private sealed record ScoredPrediction(int ModelEpoch, IReadOnlyList<ScoredChannel> Channels);

    private sealed record ScoredChannel(double? Skill);
}
