using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Datasets;
using WeatherFlow.Contracts.Evaluation;
using WeatherFlow.Datasets;
using WeatherFlow.Training.Evaluation;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Tests;

/// <summary>
/// The evaluation after training: WeatherBench 2's latitude-weighted scores checked by hand, a climatology from the
/// training period only, and every channel × lead scored for the synthetic atmosphere and for a dataset.
/// </summary>
public sealed class EvaluationTests
{
    [Fact]
    public void Weights_follow_cos_latitude_over_the_cells_that_count_and_sum_to_one()
    {
        var mask = ones(1, 1, 3, 2);
        mask[0, 0, 2, 1] = tensor(0f);
        var weights = LeadScoring.Weights([0, 60, 60], mask);
        // cos 0 = 1, cos 60° = ½: the rows weigh 1, ½ and ½ (one cell of the last row masked), over 1+1+½+½+½ = 3.5.
        Assert.Equal(1 / 3.5, weights[0, 0, 0, 0].item<float>(), 6);
        Assert.Equal(0.5 / 3.5, weights[0, 0, 1, 1].item<float>(), 6);
        Assert.Equal(0f, weights[0, 0, 2, 1].item<float>());
        Assert.Equal(1f, weights.sum().item<float>(), 6);
    }

    [Fact]
    public void An_error_near_the_pole_weighs_less_than_the_same_error_at_the_equator()
    {
        var weights = LeadScoring.Weights([-80, 0, 80], ones(1, 1, 3, 4));
        var truth = zeros(1, 1, 3, 4);
        var climatology = zeros(1, 1, 3, 4);
        var nearPole = truth.clone();
        nearPole[0, 0, 2] = tensor(1f);
        var atEquator = truth.clone();
        atEquator[0, 0, 1] = tensor(1f);
        var pole = LeadScoring.Score(nearPole, truth, climatology, weights)[0];
        var equator = LeadScoring.Score(atEquator, truth, climatology, weights)[0];
        Assert.True(pole.Rmse < equator.Rmse, $"{pole.Rmse} vs {equator.Rmse}");
        // By hand: the weights are cos 80°, 1, cos 80° normalised; the error is 1 on one row of four equal cells.
        var c80 = Math.Cos(80 * Math.PI / 180);
        Assert.Equal(Math.Sqrt(c80 / (1 + 2 * c80)), pole.Rmse, 5);
        Assert.Equal(Math.Sqrt(1 / (1 + 2 * c80)), equator.Rmse, 5);
        Assert.Equal(c80 / (1 + 2 * c80), pole.Bias, 5);
    }

    [Fact]
    public void ACC_is_one_for_a_perfect_forecast_zero_for_climatology_and_checked_by_hand_in_between()
    {
        var weights = LeadScoring.Weights([0, 0], ones(1, 1, 2, 2));
        var climatology = full(1, 1, 2, 2, 10f);
        var truth = tensor(new float[] { 11, 9, 12, 8 }, [1, 1, 2, 2]);
        Assert.Equal(1, LeadScoring.Score(truth, truth, climatology, weights)[0].Acc!.Value, 6);
        Assert.Equal(0, LeadScoring.Score(climatology, truth, climatology, weights)[0].Acc!.Value, 6);
        var forecast = tensor(new float[] { 11, 11, 12, 8 }, [1, 1, 2, 2]);
        // Anomalies f′ = (1, 1, 2, −2), y′ = (1, −1, 2, −2): Σf′y′ = 8, Σf′² = 10, Σy′² = 10, so ACC = 0.8.
        Assert.Equal(0.8, LeadScoring.Score(forecast, truth, climatology, weights)[0].Acc!.Value, 6);
    }

    [Fact]
    public void With_equal_weights_and_one_case_the_scores_are_the_contracts_per_channel_RMSE_and_ACC()
    {
        using var generator = new Generator(7, CPU);
        var (forecast, truth, climatology) = (randn([1, 1, 4, 6], generator: generator), randn([1, 1, 4, 6], generator: generator), randn([1, 1, 4, 6], generator: generator));
        var scores = LeadScoring.Score(forecast, truth, climatology, LeadScoring.Weights([0, 0, 0, 0], ones(1, 1, 4, 6)))[0];
        float[] Values(Tensor field) => field.data<float>().ToArray();
        Assert.Equal(Results.FieldStatistics.Rmse(Values(forecast), Values(truth)), scores.Rmse, 5);
        Assert.Equal(Results.FieldStatistics.AnomalyCorrelation(Values(forecast), Values(truth), Values(climatology))!.Value, scores.Acc!.Value, 5);
    }

    [Fact]
    public void The_climatology_comes_from_the_training_block_so_a_test_block_far_from_it_scores_badly_against_it()
    {
        const int steps = 40;
        var values = new float[steps * 4 * 4];
        for (var step = 0; step < steps; step++)
        {
            // The training block (steps 0–23) holds 280; the test block (32–39) holds 300.
            Array.Fill(values, step < 32 ? 280f : 300f, step * 16, 16);
        }
        var fields = new GriddedFields(new DatasetGrid([10, 20, 30, 40], [0, 5, 10, 15]), new DatasetTimeAxis(null, 6, steps),
            [new DatasetChannel("t", "t.nc", "t", null, null, "K", null)], values, new HashSet<int>());
        var config = new ExperimentConfig
        {
            Dataset = new DatasetConfig { Source = "id", SourceDigest = "digest", Channels = ["t"], LeadHours = 6, Split = new DatasetSplit() },
            Model = new ModelConfig { Backbone = ConfigChoices.Grid },
            Evaluation = new EvaluationConfig { LeadTimes = [6, 12] },
        };
        var set = Data.DatasetSamples.Build(config, fields).Evaluation!;
        Assert.Equal(280f, set.Climatology.min().item<float>());
        Assert.Equal(280f, set.Climatology.max().item<float>());
        Assert.Equal(300f, set.Truth.min().item<float>());
        Assert.Equal(2, set.Steps);
        // The last start of the test block has no target two leads on, inside the block.
        Assert.False(set.Valid[1][^1].item<bool>());
        Assert.True(set.Valid[0][^1].item<bool>());
    }

    [Fact]
    public void A_synthetic_run_scores_every_channel_at_every_lead_against_both_baselines()
    {
        var config = TestConfigs.Tiny("grid", "rk4") with { Evaluation = new EvaluationConfig { LeadTimes = [6, 18] } };
        var evaluation = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None).Result.Evaluation!;
        Assert.Equal([6.0, 18.0], evaluation.LeadTimes);
        Assert.Equal(6, evaluation.StepHours);
        Assert.Equal(
            [("u@500", 1), ("v@500", 1), ("u@500", 3), ("v@500", 3)],
            evaluation.Scores.Select(score => (score.Channel, score.Steps)).OrderBy(score => score.Steps));
        Assert.All(evaluation.Scores, score =>
        {
            Assert.Equal(config.Dataset.ValSamples, score.Cases);
            Assert.True(score.Model.Rmse > 0 && score.Persistence.Rmse > 0 && score.Climatology.Rmse > 0);
            Assert.Equal(1 - score.Model.Rmse / score.Persistence.Rmse, score.SkillVsPersistence!.Value, 9);
            Assert.Equal(0, score.Climatology.Acc!.Value, 6);
        });
        // Persistence gets worse as the weather moves on.
        var u = evaluation.Scores.Where(score => score.Channel == "u@500").OrderBy(score => score.Steps).ToList();
        Assert.True(u[1].Persistence.Rmse > u[0].Persistence.Rmse);
    }
}
