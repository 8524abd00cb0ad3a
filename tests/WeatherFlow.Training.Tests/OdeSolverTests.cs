using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Tests;

public sealed class OdeSolverTests
{
    [Theory]
    [InlineData("dopri5", 7, 5e-4)]
    [InlineData("rk4", 21, 1e-4)]
    [InlineData("midpoint", 101, 5e-4)]
    public void Exponential_decay_matches_its_closed_form(string method, int points, double tolerance)
    {
        using var scope = NewDisposeScope();
        var rates = tensor(new float[] { 0.5f, 1, 2, 3 });
        var x0 = ones(4);

        var times = Times(points, 2);

        var states = OdeSolver.Solve(method, (_, x) => -rates * x, x0, times, CancellationToken.None);

        Assert.Equal(times.Length, states.Length);
        for (var i = 0; i < times.Length; i++)
        {
            var expected = (-rates * times[i]).exp();
            Assert.True((states[i] - expected).abs().max().item<float>() < tolerance, $"t = {times[i]}");
        }
    }

    [Theory]
    [InlineData("dopri5", 5, 1e-3)]
    [InlineData("rk4", 41, 1e-4)]
    [InlineData("midpoint", 201, 1e-3)]
    public void Harmonic_oscillator_keeps_its_phase_and_amplitude(string method, int points, double tolerance)
    {
        using var scope = NewDisposeScope();
        var omega = 2.0;
        var x0 = tensor(new float[] { 1, 0 });
        Tensor Field(double t, Tensor state) => stack([state[1], -omega * omega * state[0]]);
        var times = Times(points, Math.PI);

        var states = OdeSolver.Solve(method, Field, x0, times, CancellationToken.None);

        for (var i = 0; i < times.Length; i += Math.Max(1, times.Length / 4))
        {
            var position = states[i][0].item<float>();
            Assert.Equal(Math.Cos(omega * times[i]), position, tolerance);
        }
        Assert.Equal(Math.Cos(omega * Math.PI), states[^1][0].item<float>(), tolerance);
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("rk4")]
    [InlineData("midpoint")]
    public void Gradients_flow_through_a_solve(string method)
    {
        using var scope = NewDisposeScope();
        // y' = −θy gives y(1) = e^{−θ}, so dy(1)/dθ = −e^{−θ}.
        var theta = tensor(0.7f).requires_grad_();

        var final = OdeSolver.SolveFinal(method, (_, y) => -theta * y, ones(1), Times(11, 1), CancellationToken.None);
        final.sum().backward();

        Assert.Equal(-Math.Exp(-0.7), theta.grad!.item<float>(), 2e-3);
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("rk4")]
    [InlineData("midpoint")]
    public void Step_by_step_backpropagation_gives_the_direct_gradient(string method)
    {
        using var scope = NewDisposeScope();
        var theta = tensor(new float[] { 0.9f, -0.4f }).requires_grad_();
        var target = tensor(new float[] { 0.3f, 2.0f });
        Tensor Field(double t, Tensor y) => -theta * y * (1 + t) + 0.5 * (y * theta).sin();
        Tensor Loss(Tensor final) => (final - target).square().mean();
        var times = Times(4, 1);

        (2.0 * Loss(OdeSolver.SolveFinal(method, Field, ones(2), times, CancellationToken.None))).backward();
        var direct = theta.grad!.clone();
        theta.grad!.zero_();
        var (loss, steps) = CheckpointedSolve.Backpropagate(method, Field, ones(2), times, Loss, 2.0, CancellationToken.None);

        Assert.True((theta.grad! - direct).abs().max().item<float>() < 1e-5);
        Assert.False(loss.requires_grad);
        Assert.True(steps >= 1);
    }

    [Theory]
    [InlineData("dopri5")]
    [InlineData("rk4")]
    public void The_rollout_gradient_is_the_same_whether_the_graph_fits_the_budget_or_not(string method)
    {
        using var scope = NewDisposeScope();
        var theta = tensor(new float[] { 0.9f, -0.4f }).requires_grad_();
        Tensor Field(double t, Tensor y) => -theta * y * (1 + t) + 0.5 * (y * theta).sin();
        Tensor Loss(Tensor final) => final.square().mean();
        var times = Times(6, 1);

        var small = new WeatherFlow.Training.Learning.RolloutGradient(method, 32, new(4, 8));
        var fitting = small.Backpropagate(Field, ones(2), times, Loss, 0.5, CancellationToken.None);
        var direct = theta.grad!.clone();
        theta.grad!.zero_();
        var huge = new WeatherFlow.Training.Learning.RolloutGradient(method, 512, new(128, 256));
        var checkpointed = huge.Backpropagate(Field, ones(2), times, Loss, 0.5, CancellationToken.None);

        Assert.Equal(fitting.item<float>(), checkpointed.item<float>(), 1e-6);
        Assert.True((theta.grad! - direct).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void A_diverging_field_fails_the_experiment_instead_of_looping()
    {
        using var scope = NewDisposeScope();

        var failure = Assert.Throws<ExperimentFailedException>(() =>
            OdeSolver.Solve("dopri5", (_, y) => y * float.NaN, ones(3), [0, 1], CancellationToken.None));

        Assert.Contains("diverged", failure.Message);
    }

    private static double[] Times(int points, double end) => [.. Enumerable.Range(0, points).Select(i => end * i / (points - 1))];
}
