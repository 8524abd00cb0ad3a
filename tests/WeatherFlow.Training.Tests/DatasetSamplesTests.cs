using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Datasets;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Learning;

namespace WeatherFlow.Training.Tests;

/// <summary>
/// Training on a stored dataset: blocks that never share a step, defective steps skipped, fill cells masked,
/// standardisation from the training block alone, and the same config giving the same result.
/// </summary>
public sealed class DatasetSamplesTests
{
    private const int Steps = 40;
    private const int Height = 6;
    private const int Width = 8;

    [Fact]
    public void No_step_of_one_block_is_an_input_or_target_of_another_and_defective_steps_are_never_used()
    {
        var fields = StepNumbered(new HashSet<int> { 9, 30 });
        var data = DatasetSamples.Build(Config(leadHours: 12), fields);

        var train = StepsIn(data.TrainX0, data.TrainX1);
        var validation = StepsIn(data.ValX0, data.ValX1);
        var test = StepsIn(data.TestX0!, data.TestX1!);
        Assert.Empty(train.Intersect(validation));
        Assert.Empty(train.Intersect(test));
        Assert.Empty(validation.Intersect(test));
        Assert.DoesNotContain(9, train);
        Assert.DoesNotContain(30, test);
        // A pair 12 h (2 steps) apart that spans a defective step is skipped too: 8 → 10 and 7 → 9 are out.
        Assert.DoesNotContain(8, StepsOf(data.TrainX0));
        Assert.All(StepsOf(data.TrainX1).Zip(StepsOf(data.TrainX0)), pair => Assert.Equal(2, pair.First - pair.Second));
        var source = data.Source!;
        Assert.Equal((0, 24), (source.Train.Start, source.Train.End));
        Assert.Equal((24, 32), (source.Validation.Start, source.Validation.End));
        Assert.Equal((32, 40), (source.Test.Start, source.Test.End));
        Assert.Equal(data.TrainX0.shape[0], source.Train.Pairs);
    }

    [Fact]
    public void Standardisation_comes_from_the_training_block_alone_and_ignores_fill_cells()
    {
        var fields = StepNumbered(new HashSet<int>());
        var changed = fields with { Values = (float[])fields.Values.Clone() };
        // Test-block values a thousand times larger, and a fill cell everywhere: the training statistics must not move.
        for (var i = 32 * Height * Width; i < changed.Values.Length; i++)
        {
            changed.Values[i] *= 1000;
        }
        var first = DatasetSamples.Build(Config(leadHours: 6), fields);
        var second = DatasetSamples.Build(Config(leadHours: 6), changed);
        var scaling = ChannelScaling.Of(first.TrainX0, first.Mask);
        var scalingChanged = ChannelScaling.Of(second.TrainX0, second.Mask);
        Assert.True(scaling.Mean.equal(scalingChanged.Mean).all().item<bool>());
        Assert.True(scaling.Std.equal(scalingChanged.Std).all().item<bool>());
        Assert.False(first.TestX0!.equal(second.TestX0!).all().item<bool>());

        var masked = fields with { Values = (float[])fields.Values.Clone() };
        for (var step = 0; step < Steps; step++)
        {
            masked.Values[step * Height * Width] = float.NaN;
        }
        var maskedData = DatasetSamples.Build(Config(leadHours: 6), masked);
        Assert.Equal(0f, maskedData.Mask![0, 0, 0, 0].item<float>());
        Assert.Equal(1, maskedData.Source!.MaskedCells);
        Assert.True(maskedData.TrainX0.isfinite().all().item<bool>());
    }

    [Fact]
    public void A_run_on_a_dataset_is_deterministic_scores_its_test_block_and_reports_what_it_used()
    {
        var fields = Waves();
        var config = Config(leadHours: 6) with
        {
            Model = new ModelConfig { Backbone = ConfigChoices.Grid, HiddenDim = 32, NLayers = 1, WindowSize = 4 },
            Training = new TrainingConfig { Epochs = 2, BatchSize = 8, TimeSteps = 3, SolverMethod = ConfigChoices.Rk4 },
        };
        var first = TestConfigs.Engine().Run(Guid.Empty, config, fields, null, CancellationToken.None).Result;
        var second = TestConfigs.Engine().Run(Guid.Empty, config, fields, null, CancellationToken.None).Result;
        Assert.Equal(first.Prediction.Channels[0].Rmse, second.Prediction.Channels[0].Rmse);
        Assert.Equal(first.Metrics.Train[^1].Loss, second.Metrics.Train[^1].Loss);
        var source = first.DatasetSource!;
        Assert.Equal("dataset-id", source.DatasetId);
        var score = Assert.Single(source.TestScores);
        Assert.True(score.Rmse > 0 && score.PersistenceRmse > 0);
        Assert.Equal(1 - score.Rmse / score.PersistenceRmse, score.Skill!.Value, 9);
        Assert.Equal(["t"], first.ChannelNames);
    }

    [Fact]
    public void A_regional_grid_refuses_the_icosahedral_backbone_naming_the_field()
    {
        var config = Config(leadHours: 6) with { Model = new ModelConfig { Backbone = ConfigChoices.Icosahedral } };
        var failure = Assert.Throws<ExperimentFailedException>(() => DatasetSamples.Build(config, Waves()));
        Assert.Contains("model.backbone", failure.Message);
    }

    private static ExperimentConfig Config(int leadHours) => new()
    {
        Dataset = new DatasetConfig { Source = "dataset-id", SourceDigest = "digest", Channels = ["t"], LeadHours = leadHours, Split = new DatasetSplit() },
        Model = new ModelConfig { Backbone = ConfigChoices.Grid },
    };

    private static GriddedFields StepNumbered(IReadOnlySet<int> defective) =>
        Fields((step, _) => step, defective);

    /// <summary>A travelling wave: the state a step later is the state now moved east by one cell.</summary>
    private static GriddedFields Waves() =>
        Fields((step, cell) => (float)(280 + 5 * Math.Sin((cell % Width - step) * 2 * Math.PI / Width) + cell / Width), new HashSet<int>());

    private static GriddedFields Fields(Func<int, int, float> value, IReadOnlySet<int> defective)
    {
        var values = new float[Steps * Height * Width];
        for (var step = 0; step < Steps; step++)
        {
            for (var cell = 0; cell < Height * Width; cell++)
            {
                values[step * Height * Width + cell] = value(step, cell);
            }
        }
        var grid = new DatasetGrid([.. Enumerable.Range(0, Height).Select(i => 20.0 + 2 * i)], [.. Enumerable.Range(0, Width).Select(i => 230.0 + 2.5 * i)]);
        return new GriddedFields(grid, new DatasetTimeAxis(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), 6, Steps),
            [new DatasetChannel("t", "t.nc", "t", null, null, "K", null)], values, defective);
    }

    /// <summary>The step each sample came from: every cell of a step-numbered field holds its step.</summary>
    private static int[] StepsOf(TorchSharp.torch.Tensor states) =>
        [.. states.select(1, 0).select(1, 0).select(1, 0).data<float>().ToArray().Select(value => (int)value)];

    private static HashSet<int> StepsIn(TorchSharp.torch.Tensor x0, TorchSharp.torch.Tensor x1) => [.. StepsOf(x0), .. StepsOf(x1)];
}
