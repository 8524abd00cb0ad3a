using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Contracts.Config;

/// <summary>
/// What any config must hold for the engine to train it, however it was built. The api's reader enforces the
/// contract's narrower bounds field by field first, so from a request only the cross-field rules at the top can fire.
/// </summary>
internal static class ConfigInvariants
{
    /// <summary>The attention heads of both backbones.</summary>
    public const int AttentionHeads = 8;

    public const int MaxChannels = ConfigBounds.MaxChannels;

    public static List<ConfigViolation> Find(ExperimentConfig config)
    {
        var (dataset, model, training, simulation) = (config.Dataset, config.Model, config.Training, config.Simulation);
        var violations = new List<ConfigViolation>();
        void Require(bool holds, string section, string field, string message)
        {
            if (!holds)
            {
                violations.Add(new(section, field, message));
            }
        }

        if (model.UseAttention)
        {
            Require(model.HiddenDim % AttentionHeads == 0, "model", "hiddenDim", $"hiddenDim must be divisible by {AttentionHeads} (the attention heads) when useAttention is true");
        }
        else
        {
            Require(model.HiddenDim % 2 == 0, "model", "hiddenDim", "hiddenDim must be even (the time embedding is hiddenDim/2 sines and cosines)");
        }
        var channels = dataset.Variables.Count * dataset.PressureLevels.Count;
        Require(channels <= MaxChannels, "dataset", "pressureLevels", $"variables × pressureLevels gives {channels} channels; at most {MaxChannels} are supported");
        Require(dataset.WebdatasetPattern is null, "dataset", "webdatasetPattern", "webdatasetPattern is not supported: this server has no WebDataset shard loader; leave it null to train on the synthetic atmosphere");

        Require(dataset.Variables.Count > 0 && dataset.Variables.All(ConfigChoices.Variables.Contains), "dataset", "variables", $"variables must be a non-empty subset of [{string.Join(", ", ConfigChoices.Variables)}]");
        Require(dataset.PressureLevels.Count > 0, "dataset", "pressureLevels", "at least one pressure level is needed");
        Require(dataset.GridSize is { Lat: >= 4, Lon: >= 4 } && dataset.GridSize.Lon % 2 == 0, "dataset", "gridSize", "the grid needs at least 4 × 4 points and an even number of longitudes");
        Require(dataset.TrainSamples >= 1, "dataset", "trainSamples", "at least one training sample is needed");
        Require(dataset.ValSamples >= 1, "dataset", "valSamples", "at least one validation sample is needed");
        if (dataset.Split is { } split)
        {
            Require(split.Test >= 0.1 - 1e-9, "dataset", "split", "train + validation may take at most 0.9 of the time axis: the test block needs the rest");
        }
        Require(dataset.Channels is not { Count: > MaxChannels }, "dataset", "channels", $"at most {MaxChannels} channels are supported");
        Require(dataset.Source is not null || (dataset.Channels, dataset.LeadHours, dataset.Split) is (null, null, null), "dataset", "source",
            "channels, leadHours and split select from a stored dataset: name one in source");
        if (config.Evaluation?.LeadTimes is { } leadTimes && (dataset.Source is null || dataset.LeadHours is not null))
        {
            var lead = config.ModelLeadHours();
            Require(leadTimes.Count is > 0 and <= EvaluationConfig.MaxLeadTimes && leadTimes.Distinct().Count() == leadTimes.Count, "evaluation", "leadTimes",
                $"give 1–{EvaluationConfig.MaxLeadTimes} distinct lead times");
            Require(leadTimes.All(hours => EvaluationConfig.StepsOf(hours, lead) is not null), "evaluation", "leadTimes",
                $"every lead time must be a whole number (1–{EvaluationConfig.MaxSteps}) of the model's {lead:0.###} h step");
        }
        Require(ConfigChoices.Backbones.Contains(model.Backbone), "model", "backbone", $"unknown backbone '{model.Backbone}'");
        Require(model.HiddenDim >= 2, "model", "hiddenDim", "hiddenDim must be at least 2");
        Require(model.NLayers >= 1, "model", "nLayers", "at least one layer is needed");
        Require(model.WindowSize >= 0, "model", "windowSize", "windowSize must not be negative");
        Require(model.Subdivisions >= 0, "model", "subdivisions", "subdivisions must not be negative");
        Require(training.Epochs >= 1, "training", "epochs", "at least one epoch is needed");
        Require(training.BatchSize >= 1, "training", "batchSize", "batchSize must be positive");
        Require(double.IsFinite(training.LearningRate) && training.LearningRate > 0, "training", "learningRate", "learningRate must be finite and positive");
        Require(ConfigChoices.SolverMethods.Contains(training.SolverMethod), "training", "solverMethod", $"unknown solver '{training.SolverMethod}'");
        Require(training.TimeSteps >= 2, "training", "timeSteps", "timeSteps must be at least 2");
        Require(ConfigChoices.LossTypes.Contains(training.LossType), "training", "lossType", $"unknown loss '{training.LossType}'");
        Require(double.IsFinite(training.DynamicsScale) && training.DynamicsScale > 0, "training", "dynamicsScale", "dynamicsScale must be finite and positive");
        Require(training.RolloutSteps >= 1, "training", "rolloutSteps", "rolloutSteps must be positive");
        Require(double.IsFinite(training.RolloutWeight) && training.RolloutWeight >= 0, "training", "rolloutWeight", "rolloutWeight must be finite and not negative");
        Require(ConfigChoices.Objectives.Contains(training.Objective), "training", "objective", $"unknown objective '{training.Objective}'");
        Require(ConfigChoices.SimulationCores.Contains(simulation.Core), "simulation", "core", $"unknown simulation core '{simulation.Core}'");
        Require(ConfigChoices.Atmospheres.Contains(simulation.Atmosphere), "simulation", "atmosphere", $"unknown atmosphere '{simulation.Atmosphere}'");
        Require(ConfigChoices.ResolutionTiers.Any(tier => tier.Name == simulation.ResolutionTier), "simulation", "resolutionTier", $"unknown resolution tier '{simulation.ResolutionTier}'");
        return violations;
    }
}
