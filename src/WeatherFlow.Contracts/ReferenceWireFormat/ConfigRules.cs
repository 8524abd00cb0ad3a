using System.Text.Json;
using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>
/// Combinations the reference accepts but then fails on deep inside PyTorch (answering 400 with the exception text).
/// WeatherFlow lists the config's own <see cref="ExperimentConfig.FindViolations"/> with the field errors instead
/// (422, <c>value_error</c>), so a client learns before anything is queued; they are checked only once every field is
/// valid on its own, like a pydantic model validator.
/// </summary>
internal static class ConfigRules
{
    private static readonly Dictionary<string, string> SectionClassNames = new()
    {
        ["dataset"] = "DatasetConfig",
        ["model"] = "ModelConfig",
        ["training"] = "TrainingConfig",
        ["simulation"] = "SimulationConfig",
        ["evaluation"] = "EvaluationConfig",
    };

    public static void Check(ExperimentConfig config, JsonFieldReader root)
    {
        foreach (var violation in config.FindViolations())
        {
            // Every section and field is named alike in camelCase and snake_case, apart from the case.
            var section = root.Section(violation.Section, violation.Section, SectionClassNames[violation.Section]);
            section.AddValueError(violation.Field, violation.Message,
                section.InputOf(violation.Field, JsonNamingPolicy.SnakeCaseLower.ConvertName(violation.Field)));
        }
    }
}
