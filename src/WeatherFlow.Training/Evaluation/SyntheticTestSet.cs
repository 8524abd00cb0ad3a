using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Evaluation;
using static TorchSharp.torch;

namespace WeatherFlow.Training.Evaluation;

/// <summary>
/// The synthetic atmosphere's test set: fresh samples of the same climate, as many as the run validates on up to
/// <see cref="MaxCount"/>, drawn from a generator of their own (so the training and validation samples are exactly
/// what they were), each stepped on by the atmosphere's own dynamics for every lead scored. The climatology is the
/// training targets' mean per cell.
/// </summary>
internal static class SyntheticTestSet
{
    /// <summary>Sets the test draws apart from the training seed's own stream.</summary>
    private const ulong TestSeedSalt = 0x7E57_5EED_0000_0001;

    public static Generator Generator(ExperimentConfig config) => new((ulong)config.Training.Seed ^ TestSeedSalt, CPU);

    /// <summary>Each start costs a full solve per lead: six keep the default medium case's evaluation under a fifth of its wall time.</summary>
    public const int MaxCount = 6;

    public static int Count(ExperimentConfig config) => Math.Min(config.Dataset.ValSamples, MaxCount);

    public static int Steps(ExperimentConfig config)
    {
        var lead = config.ModelLeadHours();
        return EvaluationConfig.LeadTimesOf(config).Max(hours => EvaluationConfig.StepsOf(hours, lead)
            ?? throw new ExperimentFailedException($"evaluation.leadTimes: {hours} h is not a whole number (at most {EvaluationConfig.MaxSteps}) of the model's {lead} h step."));
    }

    /// <param name="truth">The state after each step, [N, C, H, W] each.</param>
    /// <param name="forcing">Each sample's forcing, [N, 1], the same at every step.</param>
    public static EvaluationSet Of(ExperimentConfig config, Tensor starts, IReadOnlyList<Tensor> truth, Tensor forcing, Tensor trainX1)
    {
        var (steps, count) = (truth.Count, (int)starts.shape[0]);
        var climatology = trainX1.mean([0], keepdim: true).unsqueeze(0).expand(steps, count, -1, -1, -1);
        return new EvaluationSet($"{count} fresh samples of the same climate (a test seed of their own), stepped on by its dynamics",
            starts, stack(truth), ones([steps, count], ScalarType.Bool), forcing.unsqueeze(0).expand(steps, -1, -1), climatology, config.ModelLeadHours());
    }
}
