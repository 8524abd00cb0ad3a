using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Datasets;
using WeatherFlow.Training.Evaluation;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Data;

/// <summary>
/// Samples of a stored dataset: pairs (x(t), x(t + lead)) drawn from contiguous training, validation and test blocks
/// of its time axis. A pair lies wholly inside one block (the lead never crosses a boundary, so no target of one
/// block is an input of another) and is skipped when any step from its input to its target is defective. Fill cells
/// are replaced by the training block's mean so every value is finite; the mask keeps them out of loss and scores.
/// </summary>
internal static class DatasetSamples
{
    public static ExperimentData Build(ExperimentConfig config, GriddedFields fields)
    {
        var dataset = config.Dataset;
        var (source, digest, leadHours, split) = (dataset.Source, dataset.SourceDigest, dataset.LeadHours, dataset.Split);
        if (source is null || digest is null || leadHours is null || split is null || dataset.Channels is null)
        {
            throw new ExperimentFailedException("A dataset run needs its source, digest, channels, lead and split resolved by the server.");
        }
        var time = fields.Time;
        var description = new DatasetDescription([], fields.Channels, fields.Grid, time, [.. fields.DefectiveSteps], 0);
        if (DatasetConfigRules.Find(config, description) is [_, ..] violations)
        {
            throw new ExperimentFailedException($"The config does not fit dataset {source}: {string.Join("; ", violations)}");
        }
        var leadSteps = DatasetBlocks.LeadSteps(leadHours.Value, time.StepHours)!.Value;
        var blocks = DatasetBlocks.Of(time.Count, split, leadSteps, fields.DefectiveSteps);
        var (height, width) = (fields.Grid.Height, fields.Grid.Width);
        var valid = fields.ValidCells();
        var mask = tensor(valid.Select(cell => cell ? 1f : 0f).ToArray(), [1, 1, height, width]);
        var states = tensor(fields.Values, [time.Count, fields.Channels.Count, height, width]);
        var trainInputs = states.index_select(0, tensor(blocks.Train.PairStarts.Select(start => (long)start).ToArray()));
        var fill = MaskedMean(trainInputs, mask);
        var filled = where(mask.to_type(ScalarType.Bool).logical_and(states.isfinite()), states, fill);

        (Tensor X0, Tensor X1, Tensor Forcing) Samples(IReadOnlyList<int> starts)
        {
            var index = tensor(starts.Select(start => (long)start).ToArray());
            return (filled.index_select(0, index), filled.index_select(0, index + leadSteps), DatasetEvaluationSet.TimeOfDay(time, starts));
        }
        var (train, validation, test) = (Samples(blocks.Train.PairStarts), Samples(blocks.Validation.PairStarts), Samples(blocks.Test.PairStarts));
        UsedBlock Used(DatasetBlock block) => new(block.Start, block.End, block.PairStarts.Count, time.TimeOf(block.Start));
        var use = new DatasetUse(source, digest, leadHours.Value, Used(blocks.Train), Used(blocks.Validation), Used(blocks.Test), valid.Count(cell => !cell),
            fields.Grid.Latitudes, fields.Grid.Longitudes, [.. valid.Chunk(width).Select(row => (IReadOnlyList<bool>)row)], []);
        return new ExperimentData(train.X0, train.X1, train.Forcing, validation.X0, validation.X1, validation.Forcing,
            StaticFeatures(fields.Grid, mask), [.. fields.Channels.Select(channel => channel.Name)],
            [.. fields.Channels.Select(channel => channel.Units is "" ? "?" : channel.Units)], new GridSize(height, width), leadHours.Value * 3600)
        {
            Mask = mask,
            TestX0 = test.X0,
            TestX1 = test.X1,
            TestForcing = test.Forcing,
            Source = use,
            Evaluation = DatasetEvaluationSet.Build(config, filled, blocks, leadSteps, fields),
        };
    }

    /// <summary>The per-channel, per-cell mean of the unmasked, finite values, [1, C, H, W]; 0 where none is.</summary>
    private static Tensor MaskedMean(Tensor states, Tensor mask)
    {
        var counted = mask.to_type(ScalarType.Bool).logical_and(states.isfinite());
        var sum = where(counted, states, 0).sum(0, keepdim: true);
        return sum / counted.sum(0, keepdim: true).clamp(min: 1);
    }

    /// <summary>sin φ and the mask, in place of the synthetic atmosphere's orography and land.</summary>
    private static Tensor StaticFeatures(DatasetGrid grid, Tensor mask)
    {
        var sinLatitude = tensor(grid.Latitudes.Select(latitude => (float)Math.Sin(latitude * Math.PI / 180)).ToArray(), [grid.Height, 1])
            .expand(grid.Height, grid.Width);
        return stack([sinLatitude, mask[0, 0]]).unsqueeze(0);
    }
}
