using System.Text.Json;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Json;
using WeatherFlow.Contracts.Progress;
using WeatherFlow.Contracts.Results;

namespace WeatherFlow.Training.Tests;

public sealed class ExperimentEngineTests
{
    [Fact]
    public void Same_config_gives_the_same_result()
    {
        var config = TestConfigs.Tiny();

        var first = Serialize(TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result);
        var second = Serialize(TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_models()
    {
        var config = TestConfigs.Tiny();
        var reseeded = config with { Training = config.Training with { Seed = 7 } };

        var first = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result;
        var second = TestConfigs.Engine().Run(Guid.Empty, reseeded, null, null, CancellationToken.None).Result;

        Assert.NotEqual(first.Metrics.Train[0].FlowLoss, second.Metrics.Train[0].FlowLoss);
    }

    [Fact]
    public void Training_lowers_the_flow_loss()
    {
        var config = TestConfigs.Read("""
            {"dataset":{"variables":["t"],"gridSize":{"lat":8,"lon":16},"trainSamples":32,"valSamples":4},
             "model":{"backbone":"grid","hiddenDim":32,"nLayers":1,"useAttention":false,"physicsInformed":false},
             "training":{"epochs":5,"batchSize":8,"learningRate":0.005,"rolloutWeight":0,"objective":"rectified","solverMethod":"midpoint","timeSteps":3}}
            """);

        var train = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result.Metrics.Train;

        Assert.Equal(5, train.Count);
        Assert.True(train[^1].FlowLoss < 0.5 * train[0].FlowLoss, $"flow loss went {train[0].FlowLoss} → {train[^1].FlowLoss}");
    }

    [Fact]
    public void Progress_counts_batches_and_cancellation_stops_at_the_next_batch()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress(report =>
        {
            if (report is { Phase: TrainingPhase.Training, Epoch: 1, Batch: 1 })
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => TestConfigs.Engine().Run(Guid.Empty, TestConfigs.Tiny(), null, progress, cancellation.Token));

        var batches = progress.Reports.Where(r => r.Batch > 0).ToList();
        var only = Assert.Single(batches);
        Assert.Equal(("epoch 1/2, batch 1/2", 2), (only.Step, only.Batches));
        Assert.NotNull(only.Loss);
        Assert.True(only.Percent is > 0 and < 100);
    }

    [Fact]
    public void Progress_runs_from_data_to_completed()
    {
        var progress = new RecordingProgress();

        TestConfigs.Engine().Run(Guid.Empty, TestConfigs.Tiny(), null, progress, CancellationToken.None);

        var phases = progress.Reports.Select(r => r.Phase).Distinct().ToList();
        Assert.Equal([TrainingPhase.Data, TrainingPhase.Training, TrainingPhase.Validation, TrainingPhase.Prediction, TrainingPhase.Completed], phases);
        Assert.Equal(100, progress.Reports[^1].Percent);
        Assert.Equal(progress.Reports.Select(r => r.Percent).Order(), progress.Reports.Select(r => r.Percent));
        Assert.Contains(progress.Reports, r => r.Step == "epoch 2/2, validation batch 1/1");
    }

    [Theory]
    [InlineData("icosahedral", "dopri5")]
    [InlineData("icosahedral", "rk4")]
    [InlineData("grid", "midpoint")]
    public void Each_backbone_trains_and_predicts(string backbone, string solver)
    {
        var result = TestConfigs.Engine().Run(Guid.Empty, TestConfigs.Tiny(backbone, solver), null, null, CancellationToken.None).Result;

        Assert.All(result.Metrics.Train, epoch => Assert.True(double.IsFinite(epoch.Loss)));
        Assert.Equal(2, result.Prediction.Channels.Count);
        var channel = result.Prediction.Channels[0];
        Assert.Equal(3, channel.Trajectory.Count);
        Assert.Equal(channel.Initial, channel.Trajectory[0].Data);
        Assert.Equal(8, channel.Trajectory[^1].Data.Count);
        Assert.NotEqual(channel.Initial, channel.Trajectory[^1].Data);
        Assert.True(channel.Rmse > 0 && channel.BaselineRmse > 0);
        Assert.Equal(1 - channel.Rmse / channel.BaselineRmse, channel.Skill!.Value, 1e-12);
        Assert.InRange(channel.Acc!.Value, -1, 1);
    }

    [Fact]
    public void Tiled_inference_with_spherical_padding_and_message_passing_covers_the_grid()
    {
        var config = TestConfigs.Read("""
            {"dataset":{"variables":["t"],"gridSize":{"lat":8,"lon":16},"trainSamples":4,"valSamples":4},
             "model":{"backbone":"grid","hiddenDim":32,"nLayers":1,"sphericalPadding":true,"useGraphMp":true},
             "training":{"epochs":1,"batchSize":4,"solverMethod":"rk4","timeSteps":3},
             "inference":{"tileSizeLat":5,"tileSizeLon":7,"tileOverlap":2}}
            """);

        var result = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result;

        var final = result.Prediction.Channels[0].Trajectory[^1].Data;
        Assert.Equal(8, final.Count);
        Assert.All(final, row => Assert.All(row, value => Assert.True(double.IsFinite(value))));
    }

    [Fact]
    public void Lod_preview_and_summaries_follow_the_contract()
    {
        var config = TestConfigs.Read("""
            {"dataset":{"variables":["t"],"pressureLevels":[500],"trainSamples":4,"valSamples":4},
             "model":{"backbone":"grid","hiddenDim":32,"nLayers":1},"training":{"epochs":1,"batchSize":4,"rolloutWeight":0,"solverMethod":"midpoint"},
             "simulation":{"core":"anelastic-3d"}}
            """);

        var result = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result;

        Assert.Equal([16, 32], result.LodPreview.ChunkShape);
        Assert.Equal(317, result.LodPreview.Tiles.Count);
        Assert.Equal(new LodTile(0, "L0-0", 0, 16, 0, 32, result.LodPreview.Tiles[0].Mean, result.LodPreview.Tiles[0].Std), result.LodPreview.Tiles[0]);
        Assert.Equal("L1-0", result.LodPreview.Tiles[4].Tile);
        var summary = result.SimulationSummary;
        Assert.Equal(("anelastic-3d", "custom", new GridSize(16, 32), 300, "structured"), (summary.Core, summary.ResolutionTier, summary.Grid, summary.TimeStepSeconds, summary.Atmosphere));
        Assert.Equal(["K"], summary.Units);
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], result.Prediction.Times);
        Assert.Equal([0.0], result.Metrics.Train.Select(m => m.RolloutLoss));
    }

    [Theory]
    [InlineData("rectified")]
    [InlineData("reference")]
    public void The_forecast_comes_from_the_best_validation_epoch_with_the_rectified_objective_and_the_last_with_the_reference(string objective)
    {
        var tiny = TestConfigs.Tiny();
        var config = tiny with { Training = tiny.Training with { Epochs = 4, Objective = objective } };

        var result = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result;

        var losses = result.Validation.Metrics.Select(epoch => epoch.ValLoss).ToList();
        var expected = objective == "rectified" ? losses.IndexOf(losses.Min()) + 1 : 4;
        Assert.Equal(expected, result.Prediction.ModelEpoch);
    }

    internal static string Serialize(ExperimentResult result) =>
        JsonSerializer.Serialize(result with { ExperimentId = "", Execution = new ExecutionSummary(0) }, ExperimentJson.Options);
}
