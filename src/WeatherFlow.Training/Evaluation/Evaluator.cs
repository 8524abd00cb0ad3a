using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Evaluation;
using WeatherFlow.Training.Data;
using WeatherFlow.Training.Learning;
using WeatherFlow.Training.Models;
using WeatherFlow.Training.Ode;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Evaluation;

/// <summary>
/// Rolls the trained model out from every start of the run's <see cref="EvaluationSet"/>, step after step (each
/// step one forecast of the model's own lead, from the previous step's forecast), and scores each lead time per
/// channel next to persistence (the start itself) and climatology (the training period's mean for the target's time).
/// </summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(ExperimentConfig config, ExperimentData data, ChannelScaling? scaling, FlowModel model, CancellationToken cancellationToken)
    {
        var set = data.Evaluation ?? throw new InvalidOperationException("The run has no evaluation set.");
        var leadTimes = EvaluationConfig.LeadTimesOf(config);
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var forecasts = Rollout(config, data, set, scaling, model, cancellationToken);
        var weights = LeadScoring.Weights(Latitudes(data), data.Mask ?? ones(1, 1, data.Grid.Lat, data.Grid.Lon));
        var scores = new List<LeadScore>();
        foreach (var leadHours in leadTimes)
        {
            var steps = EvaluationConfig.StepsOf(leadHours, set.StepHours)
                ?? throw new ExperimentFailedException($"evaluation.leadTimes: {leadHours} h is not a whole number of the model's {set.StepHours} h step.");
            if (steps > set.Steps)
            {
                continue;
            }
            var cases = set.Valid[steps - 1].nonzero().squeeze(1);
            if (cases.shape[0] == 0)
            {
                continue;
            }
            var truth = set.Truth[steps - 1].index_select(0, cases);
            var climatology = set.Climatology[steps - 1].index_select(0, cases);
            var modelScores = LeadScoring.Score(forecasts[steps - 1].index_select(0, cases), truth, climatology, weights);
            var persistence = LeadScoring.Score(set.Starts.index_select(0, cases), truth, climatology, weights);
            var climatologyScores = LeadScoring.Score(climatology, truth, climatology, weights);
            scores.AddRange(data.ChannelNames.Select((channel, c) => new LeadScore(channel, leadHours, steps, (int)cases.shape[0],
                modelScores[c], persistence[c], climatologyScores[c],
                Skill(modelScores[c].Rmse, persistence[c].Rmse), Skill(modelScores[c].Rmse, climatologyScores[c].Rmse))));
        }
        return new EvaluationResult(set.Description, set.StepHours, leadTimes, scores);
    }

    /// <summary>The model's forecast after each of the set's steps, in physical units, [N, C, H, W] each.</summary>
    private static Tensor[] Rollout(ExperimentConfig config, ExperimentData data, EvaluationSet set, ChannelScaling? scaling, FlowModel model, CancellationToken cancellationToken)
    {
        var times = OdeSolver.UnitInterval(config.Training.TimeSteps);
        var state = scaling?.Standardise(set.Starts) ?? set.Starts;
        var forecasts = new Tensor[set.Steps];
        for (var step = 0; step < set.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Each step's solver intermediates go with its scope; only the state and its physical copy stay.
            using var stepScope = NewDisposeScope();
            state = OdeSolver.SolveFinal(config.Training.SolverMethod, model.InferenceField(data.Static, set.Forcing[step]), state, times, cancellationToken).MoveToOuterDisposeScope();
            forecasts[step] = (scaling?.Restore(state) ?? state.alias()).MoveToOuterDisposeScope();
        }
        return forecasts;
    }

    /// <summary>A dataset's own latitudes, or the synthetic grid's cell centres, in degrees.</summary>
    private static IReadOnlyList<double> Latitudes(ExperimentData data) =>
        data.Source?.Latitudes ?? [.. Enumerable.Range(0, data.Grid.Lat).Select(row => -90 + (row + 0.5) * 180.0 / data.Grid.Lat)];

    private static double? Skill(double rmse, double baseline) => baseline > 0 ? 1 - rmse / baseline : null;
}
