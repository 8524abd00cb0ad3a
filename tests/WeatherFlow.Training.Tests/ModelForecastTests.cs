using WeatherFlow.Contracts.Models;

namespace WeatherFlow.Training.Tests;

public sealed class ModelForecastTests
{
    [Theory]
    [InlineData("grid")]
    [InlineData("icosahedral")]
    public void A_stored_model_asked_for_the_runs_own_start_repeats_the_runs_forecast(string backbone)
    {
        var config = TestConfigs.Tiny(backbone, "rk4");
        var outcome = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None);

        var forecast = TestConfigs.Engine().Predict(outcome.Model, new ForecastRequest(config.Training.Seed, null, config.Training.TimeSteps, config.Training.SolverMethod), CancellationToken.None);

        var expected = outcome.Result.Prediction;
        Assert.Equal(expected.Times, forecast.Times);
        Assert.Equal(expected.ModelEpoch, forecast.ModelEpoch);
        Assert.Equal(expected.Channels.Select(c => c.Name), forecast.Channels.Select(c => c.Name));
        Assert.All(expected.Channels.Zip(forecast.Channels), pair =>
        {
            Assert.Equal(pair.First.Trajectory.Select(step => step.Data), pair.Second.Trajectory.Select(step => step.Data));
            Assert.Equal(pair.First.Target, pair.Second.Target);
            Assert.Equal((pair.First.Rmse, pair.First.Skill), (pair.Second.Rmse!.Value, pair.Second.Skill));
        });
    }

    [Fact]
    public void Another_seed_starts_from_another_state_and_is_scored_against_its_own_next_state()
    {
        var config = TestConfigs.Tiny();
        var outcome = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None);

        var forecast = TestConfigs.Engine().Predict(outcome.Model, new ForecastRequest(5, null, 4, "midpoint"), CancellationToken.None);

        Assert.Equal(4, forecast.Times.Count);
        Assert.All(forecast.Channels.Zip(outcome.Result.Prediction.Channels), pair =>
        {
            Assert.NotEqual(pair.Second.Initial, pair.First.Initial);
            Assert.Equal(4, pair.First.Trajectory.Count);
            Assert.Equal(pair.First.Initial, pair.First.Trajectory[0].Data);
            Assert.True(pair.First.Rmse > 0 && pair.First.BaselineRmse > 0);
        });
    }

    [Fact]
    public void Supplied_fields_are_forecast_without_a_target_or_scores()
    {
        var config = TestConfigs.Tiny();
        var outcome = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None);
        var initial = outcome.Result.Prediction.Channels.Select(channel => channel.Initial).ToList();

        var forecast = TestConfigs.Engine().Predict(outcome.Model, new ForecastRequest(config.Training.Seed, initial, config.Training.TimeSteps, config.Training.SolverMethod), CancellationToken.None);

        Assert.All(forecast.Channels.Zip(outcome.Result.Prediction.Channels), pair =>
        {
            Assert.Equal(pair.Second.Trajectory.Select(step => step.Data), pair.First.Trajectory.Select(step => step.Data));
            Assert.Null(pair.First.Target);
            Assert.Null(pair.First.Skill);
        });
    }

    [Fact]
    public void A_cancelled_forecast_stops()
    {
        var config = TestConfigs.Tiny();
        var outcome = TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None);

        Assert.ThrowsAny<OperationCanceledException>(() => TestConfigs.Engine().Predict(
            outcome.Model, new ForecastRequest(5, null, config.Training.TimeSteps, config.Training.SolverMethod), new CancellationToken(canceled: true)));
    }
}
