using System.Text;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.ReferenceWireFormat;

namespace WeatherFlow.Training.Tests;

public sealed class ExperimentConfigTests
{
    [Fact]
    public void Empty_body_gets_every_contract_default()
    {
        var config = TestConfigs.Read("{}");

        Assert.Equal(["t", "z"], config.Dataset.Variables);
        Assert.Equal([500], config.Dataset.PressureLevels);
        Assert.Equal(new GridSize(16, 32), config.Dataset.GridSize);
        Assert.Equal((48, 16, 2), (config.Dataset.TrainSamples, config.Dataset.ValSamples, config.Dataset.WebdatasetWorkers));
        Assert.Equal(("icosahedral", 96, 3, 8, 1), (config.Model.Backbone, config.Model.HiddenDim, config.Model.NLayers, config.Model.WindowSize, config.Model.Subdivisions));
        Assert.True(config.Model.UseAttention && config.Model.PhysicsInformed && !config.Model.SphericalPadding && !config.Model.UseGraphMp);
        Assert.Equal((2, 8, 5e-4, "dopri5", 5, "mse", 42), (config.Training.Epochs, config.Training.BatchSize, config.Training.LearningRate, config.Training.SolverMethod, config.Training.TimeSteps, config.Training.LossType, config.Training.Seed));
        Assert.Equal((0.15, 3, 0.3, "rectified"), (config.Training.DynamicsScale, config.Training.RolloutSteps, config.Training.RolloutWeight, config.Training.Objective));
        Assert.Equal(("shallow-water", "custom", 0, "structured"), (config.Simulation.Core, config.Simulation.ResolutionTier, config.Simulation.Seed, config.Simulation.Atmosphere));
        Assert.Equal(new TimeControlConfig(300, 1800, 900), config.Simulation.TimeControl);
        Assert.Equal(new MoistureConfig(true, 0.55, 0.12, 0.05, 0.1), config.Simulation.Moisture);
        Assert.Equal(new SurfaceFluxConfig(0.35, 0.2, 0.05, true), config.Simulation.SurfaceFlux);
        Assert.Equal(new LodConfig(8, 48, 2, 3), config.Simulation.Lod);
        Assert.Equal(new InferenceConfig(0, 0, 0), config.Inference);
    }

    [Fact]
    public void Snake_case_names_lax_strings_and_unknown_keys_are_accepted()
    {
        var config = TestConfigs.Read("""
            {"dataset":{"train_samples":"12","grid_size":{"lat":"8","lon":16.0},"colour":"blue"},
             "training":{"batch_size":"4","learning_rate":"0.001","rollout_weight":0,"objective":"reference"},"simulation":{"atmosphere":"reference"},
             "model":{"use_attention":"false","hidden_dim":34},"unknown":{"x":1}}
            """);

        Assert.Equal(12, config.Dataset.TrainSamples);
        Assert.Equal(new GridSize(8, 16), config.Dataset.GridSize);
        Assert.Equal((4, 0.001, 0.0, "reference", "reference"), (config.Training.BatchSize, config.Training.LearningRate, config.Training.RolloutWeight, config.Training.Objective, config.Simulation.Atmosphere));
        Assert.False(config.Model.UseAttention);
        Assert.Equal(34, config.Model.HiddenDim);
    }

    [Fact]
    public void Every_failing_field_is_listed_with_its_bound()
    {
        var read = ExperimentConfigReader.Read(Encoding.UTF8.GetBytes("""
            {"dataset":{"trainSamples":1000,"variables":["t","q"],"gridSize":{"lon":33}},
             "training":{"epochs":0,"learningRate":0,"solverMethod":"euler"},"model":{"backbone":"mesh"}}
            """));

        Assert.False(read.IsValid);
        var failures = read.Errors.Select(e => (string.Join('.', e.Loc), e.Type)).ToHashSet();
        Assert.Equal(
            new HashSet<(string, string)>
            {
                ("body.dataset.trainSamples", "less_than_equal"),
                ("body.dataset.variables", "value_error"),
                ("body.dataset.gridSize.lon", "value_error"),
                ("body.training.epochs", "greater_than_equal"),
                ("body.training.learningRate", "greater_than"),
                ("body.training.solverMethod", "value_error"),
                ("body.model.backbone", "value_error"),
            },
            failures);
        var trainSamples = read.Errors.Single(e => e.Loc.Contains("trainSamples"));
        Assert.Equal("Input should be less than or equal to 256", trainSamples.Msg);
        Assert.Contains(read.Errors, e => e.Msg == "Value error, Unsupported variable 'q'");
    }

    [Fact]
    public void Too_many_channels_is_a_validation_error_not_an_out_of_memory()
    {
        var levels = string.Join(',', Enumerable.Range(1, 7).Select(i => i * 100));
        var read = ExperimentConfigReader.Read(Encoding.UTF8.GetBytes($$$"""{"dataset":{"variables":["t","z","u","v"],"pressureLevels":[{{{levels}}}]}}"""));

        var error = Assert.Single(read.Errors);
        Assert.Equal(["body", "dataset", "pressureLevels"], error.Loc);
        Assert.Equal("Value error, variables × pressureLevels gives 28 channels; at most 24 are supported", error.Msg);
    }

    [Fact]
    public void A_config_built_in_code_is_checked_by_the_engine_before_any_tensor_exists()
    {
        var tiny = TestConfigs.Tiny();
        var config = tiny with
        {
            Dataset = tiny.Dataset with { GridSize = new GridSize(8, 15) },
            Model = tiny.Model with { UseAttention = true, HiddenDim = 36 },
            Training = tiny.Training with { LossType = "l7" },
        };

        var failure = Assert.Throws<ExperimentFailedException>(() => TestConfigs.Engine().Run(Guid.Empty, config, null, null, CancellationToken.None));

        Assert.Equal(
            "Invalid experiment config: model.hiddenDim: hiddenDim must be divisible by 8 (the attention heads) when useAttention is true; "
            + "dataset.gridSize: the grid needs at least 4 × 4 points and an even number of longitudes; training.lossType: unknown loss 'l7'",
            failure.Message);
    }

    [Fact]
    public void Engine_invariants_hold_for_every_config_the_reader_accepts_and_are_its_cross_field_rules()
    {
        Assert.Empty(TestConfigs.Read("{}").FindViolations());
        Assert.Empty(TestConfigs.Tiny().FindViolations());
        var read = ExperimentConfigReader.Read("""{"model":{"useAttention":true,"hidden_dim":36}}"""u8);

        var error = Assert.Single(read.Errors);
        Assert.Equal(("value_error", "body.model.hiddenDim", 36), (error.Type, string.Join('.', error.Loc), error.Input?.GetInt32()));
        Assert.Equal("Value error, hiddenDim must be divisible by 8 (the attention heads) when useAttention is true", error.Msg);
    }

    [Fact]
    public void A_stored_config_from_before_the_atmosphere_choice_reads_as_the_reference_generator_and_a_broken_one_throws()
    {
        var written = new ExperimentConfig().ToCanonicalJson();
        var withoutAtmosphere = written.Replace(",\"atmosphere\":\"structured\"", "");
        Assert.NotEqual(written, withoutAtmosphere);

        Assert.Equal("reference", ExperimentConfig.FromCanonicalJson(withoutAtmosphere).Simulation.Atmosphere);
        Assert.Equal("structured", ExperimentConfig.FromCanonicalJson(written).Simulation.Atmosphere);
        Assert.Throws<System.Text.Json.JsonException>(() => ExperimentConfig.FromCanonicalJson("{\"dataset\":null}"));
        Assert.Throws<System.Text.Json.JsonException>(() => ExperimentConfig.FromCanonicalJson("null"));
    }

    [Fact]
    public void Canonical_json_reads_back_to_an_equal_config_with_the_same_hash()
    {
        var config = TestConfigs.Read("""{"dataset":{"variables":["u","v"],"pressureLevels":[850,300]},"training":{"learningRate":0.001}}""");

        var readBack = ExperimentConfig.FromCanonicalJson(config.ToCanonicalJson());

        Assert.Equal(config.ToCanonicalJson(), readBack.ToCanonicalJson());
        Assert.Equal(config.ComputeHash(), readBack.ComputeHash());
        Assert.Equal(["u", "v"], readBack.Dataset.Variables);
    }
}
