using WeatherFlow.Training.Learning;

namespace WeatherFlow.Training.Tests;

public sealed class LossGuardTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_non_finite_loss_fails_the_experiment_with_where_it_happened(float loss)
    {
        var failure = Assert.Throws<ExperimentFailedException>(() => LossGuard.EnsureFinite([loss, loss, 0, 0, 0.1f], "training", 3, 7));

        Assert.Contains("training loss became non-finite at epoch 3, batch 7", failure.Message);
    }

    [Fact]
    public void Finite_losses_pass_through()
    {
        float[] values = [1, 0.5f, 0, 0.2f, 0.1f];

        Assert.Same(values, LossGuard.EnsureFinite(values, "validation", 1, 1));
    }
}
