namespace WeatherFlow.Contracts.Experiments;

/// <summary>
/// Combinations the reference accepts but then fails on deep inside PyTorch (answering 400 with the exception text).
/// WeatherFlow lists them with the field errors instead (422, <c>value_error</c>), so a client learns before anything
/// is queued; they are checked only once every field is valid on its own, like a pydantic model validator.
/// </summary>
internal static class ConfigRules
{
    public const int AttentionHeads = 8;

    /// <summary>Every advertised variable at every advertised level; more would only let one request exhaust a trainer's memory.</summary>
    public const int MaxChannels = 24;

    public static void Check(ExperimentConfig config, JsonFieldReader root)
    {
        var model = config.Model;
        var modelJson = root.Section("model", "model", "ModelConfig");
        if (model.UseAttention && model.HiddenDim % AttentionHeads != 0)
        {
            modelJson.AddValueError("hiddenDim", $"hiddenDim must be divisible by {AttentionHeads} (the attention heads) when useAttention is true", modelJson.InputOf("hiddenDim", "hidden_dim"));
        }
        else if (model.HiddenDim % 2 != 0)
        {
            modelJson.AddValueError("hiddenDim", "hiddenDim must be even (the time embedding is hiddenDim/2 sines and cosines)", modelJson.InputOf("hiddenDim", "hidden_dim"));
        }
        var channels = config.Dataset.Variables.Count * config.Dataset.PressureLevels.Count;
        if (channels > MaxChannels)
        {
            var datasetJson = root.Section("dataset", "dataset", "DatasetConfig");
            datasetJson.AddValueError("pressureLevels", $"variables × pressureLevels gives {channels} channels; at most {MaxChannels} are supported", datasetJson.InputOf("pressureLevels", "pressure_levels"));
        }
        if (config.Dataset.WebdatasetPattern is not null)
        {
            var datasetJson = root.Section("dataset", "dataset", "DatasetConfig");
            datasetJson.AddValueError("webdatasetPattern", "webdatasetPattern is not supported: this server has no WebDataset shard loader; leave it null to train on the synthetic atmosphere", datasetJson.InputOf("webdatasetPattern", "webdataset_pattern"));
        }
    }
}
