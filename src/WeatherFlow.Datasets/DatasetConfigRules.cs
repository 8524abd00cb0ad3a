using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Datasets;

/// <summary>
/// What an experiment config must hold to train on a given dataset, and the dataset defaults it is completed with.
/// The api applies both at the edge (422 naming the field); the engine checks again before it trains.
/// </summary>
public static class DatasetConfigRules
{
    /// <summary>The config with the dataset named by id and digest, and every omitted dataset member filled in.</summary>
    public static ExperimentConfig Resolve(ExperimentConfig config, string datasetId, string digest, DatasetDescription description)
    {
        var dataset = config.Dataset;
        return config with
        {
            Dataset = dataset with
            {
                Source = datasetId,
                SourceDigest = digest,
                Channels = dataset.Channels ?? [.. description.Channels.Select(channel => channel.Name).Take(ConfigBounds.MaxChannels)],
                LeadHours = dataset.LeadHours ?? (int)Math.Ceiling(description.Time.StepHours),
                Split = dataset.Split ?? new DatasetSplit(),
            },
        };
    }

    public static IReadOnlyList<ConfigViolation> Find(ExperimentConfig config, DatasetDescription description)
    {
        var violations = new List<ConfigViolation>();
        var (dataset, model) = (config.Dataset, config.Model);
        var name = dataset.Source;
        if (dataset.Channels?.FirstOrDefault(channel => description.Channels.All(known => known.Name != channel)) is { } unknown)
        {
            violations.Add(new("dataset", "channels", $"dataset {name} has no channel '{unknown}'; it has [{string.Join(", ", description.Channels.Select(channel => channel.Name))}]"));
        }
        var leadHours = dataset.LeadHours ?? 0;
        if (DatasetBlocks.LeadSteps(leadHours, description.Time.StepHours) is not { } leadSteps)
        {
            violations.Add(new("dataset", "leadHours", $"leadHours must be a multiple of the dataset's {description.Time.StepHours} h step"));
        }
        else if (dataset.Split is { } split)
        {
            var blocks = DatasetBlocks.Of(description.Time.Count, split, leadSteps, description.DefectiveSteps.ToHashSet());
            if (blocks.All.Select((block, i) => (block, i)).FirstOrDefault(pair => pair.block.PairStarts.Count == 0) is { block: not null } empty)
            {
                violations.Add(new("dataset", "split", $"the {DatasetBlocks.Names[empty.i]} block (steps {empty.block.Start}–{empty.block.End - 1}) holds no pair {leadHours} h apart without a defective step; choose a shorter lead or another split"));
            }
        }
        if (!description.Grid.IsGlobal)
        {
            if (model.Backbone == ConfigChoices.Icosahedral)
            {
                violations.Add(new("model", "backbone", $"the icosahedral backbone covers the whole sphere, and dataset {name} is a regional grid; use the grid backbone"));
            }
            if (model.SphericalPadding)
            {
                violations.Add(new("model", "sphericalPadding", $"dataset {name} is a regional grid: its longitudes do not wrap around, so sphericalPadding must be false"));
            }
            if (model.UseGraphMp)
            {
                violations.Add(new("model", "useGraphMp", $"dataset {name} is a regional grid: graph message passing wraps around its edges, so useGraphMp must be false"));
            }
        }
        return violations;
    }
}
