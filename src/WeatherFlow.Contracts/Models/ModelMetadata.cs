using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Contracts.Models;

/// <summary>
/// What a stored model's weights need to be used again (<c>GET /api/experiments/{id}/model/metadata</c>): the
/// architecture and the experiment config that built it, the channels it forecasts in order, the epoch whose weights
/// these are, and the standardisation its inputs and outputs are in.
/// </summary>
/// <param name="Format">How the weights are encoded: <c>safetensors</c>, a PyTorch state dict (float32 parameters,
/// and for the icosahedral backbone the integer and boolean buffers of its mesh mapping).</param>
/// <param name="Architecture">The network: <c>grid</c> or <c>icosahedral</c>, built from <c>Config.model</c>.</param>
/// <param name="Epoch">The epoch whose weights made the run's forecast (the one of lowest validation loss).</param>
/// <param name="Normalisation">Null when the model works in physical units (the reference atmosphere).</param>
public sealed record ModelMetadata(
    string Format,
    string Architecture,
    ExperimentConfig Config,
    IReadOnlyList<string> Channels,
    GridSize Grid,
    int Epoch,
    ChannelNormalisation? Normalisation,
    long Parameters,
    long SizeBytes)
{
    public const string SafetensorsFormat = "safetensors";
}

/// <summary>The model sees <c>(x − Mean[c][lat]) / Std[c]</c> and forecasts in the same units; multiply by
/// <see cref="Std"/> and add <see cref="Mean"/> to get physical values back.</summary>
public sealed record ChannelNormalisation(IReadOnlyList<IReadOnlyList<double>> Mean, IReadOnlyList<double> Std);
