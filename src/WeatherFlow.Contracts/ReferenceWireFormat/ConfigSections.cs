using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Evaluation;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>The fields of each section in the reference's declaration order, with its defaults, bounds and validators.</summary>
internal static class ConfigSections
{
    public static DatasetConfig Dataset(JsonFieldReader json)
    {
        var defaults = new DatasetConfig();
        return new()
        {
            Variables = json.StringList("variables", "variables", defaults.Variables, values =>
                values.Count == 0 ? "At least one variable must be selected"
                : values.FirstOrDefault(value => !ConfigChoices.Variables.Contains(value)) is { } unknown ? $"Unsupported variable '{unknown}'"
                : null),
            PressureLevels = json.IntList("pressureLevels", "pressure_levels", defaults.PressureLevels, values =>
                values.Count == 0 ? "Select at least one pressure level" : null),
            GridSize = Grid(json.Section("gridSize", "grid_size", "GridSize")),
            TrainSamples = json.Int("trainSamples", "train_samples", defaults.TrainSamples, Bound.Of(ConfigBounds.TrainSamples)),
            ValSamples = json.Int("valSamples", "val_samples", defaults.ValSamples, Bound.Of(ConfigBounds.ValSamples)),
            WebdatasetPattern = json.NullableString("webdatasetPattern", "webdataset_pattern"),
            WebdatasetCache = json.NullableString("webdatasetCache", "webdataset_cache"),
            WebdatasetWorkers = json.Int("webdatasetWorkers", "webdataset_workers", defaults.WebdatasetWorkers, Bound.Ge(0), Bound.Le(16)),
            Source = json.NullableString("source", "source"),
            Channels = json.NullableStringList("channels", "channels", values =>
                values.Count == 0 ? "At least one channel must be selected"
                : values.Distinct().Count() != values.Count ? "A channel is listed twice"
                : null),
            LeadHours = json.NullableInt("leadHours", "lead_hours", Bound.Ge(1), Bound.Le(DatasetSplit.MaxLeadHours)),
            Split = json.Has("split", "split") ? Split(json.Section("split", "split", "DatasetSplit")) : null,
        };
    }

    private static DatasetSplit Split(JsonFieldReader json)
    {
        var defaults = new DatasetSplit();
        return new()
        {
            Train = json.Float("train", "train", defaults.Train, Bound.Ge(0.05, "0.05"), Bound.Le(0.9, "0.9")),
            Validation = json.Float("validation", "validation", defaults.Validation, Bound.Ge(0.05, "0.05"), Bound.Le(0.9, "0.9")),
        };
    }

    public static ModelConfig Model(JsonFieldReader json)
    {
        var defaults = new ModelConfig();
        return new()
        {
            Backbone = json.String("backbone", "backbone", defaults.Backbone, value =>
                ConfigChoices.Backbones.Contains(value) ? null : "backbone must be one of ['grid', 'icosahedral']"),
            HiddenDim = json.Int("hiddenDim", "hidden_dim", defaults.HiddenDim, Bound.Of(ConfigBounds.HiddenDim)),
            NLayers = json.Int("nLayers", "n_layers", defaults.NLayers, Bound.Of(ConfigBounds.NLayers)),
            UseAttention = json.Bool("useAttention", "use_attention", defaults.UseAttention),
            PhysicsInformed = json.Bool("physicsInformed", "physics_informed", defaults.PhysicsInformed),
            WindowSize = json.Int("windowSize", "window_size", defaults.WindowSize, Bound.Ge(0), Bound.Le(64)),
            SphericalPadding = json.Bool("sphericalPadding", "spherical_padding", defaults.SphericalPadding),
            UseGraphMp = json.Bool("useGraphMp", "use_graph_mp", defaults.UseGraphMp),
            Subdivisions = json.Int("subdivisions", "subdivisions", defaults.Subdivisions, Bound.Ge(0), Bound.Le(3)),
            InterpCacheDir = json.NullableString("interpCacheDir", "interp_cache_dir"),
        };
    }

    public static TrainingConfig Training(JsonFieldReader json)
    {
        var defaults = new TrainingConfig();
        return new()
        {
            Epochs = json.Int("epochs", "epochs", defaults.Epochs, Bound.Of(ConfigBounds.Epochs)),
            BatchSize = json.Int("batchSize", "batch_size", defaults.BatchSize, Bound.Of(ConfigBounds.BatchSize)),
            LearningRate = json.Float("learningRate", "learning_rate", defaults.LearningRate,
                Bound.Gt(ConfigBounds.LearningRate.Min, "0"), Bound.Le(ConfigBounds.LearningRate.Max, "0.01")),
            SolverMethod = json.String("solverMethod", "solver_method", defaults.SolverMethod, value =>
                ConfigChoices.SolverMethods.Contains(value) ? null : $"Unsupported solver '{value}'"),
            TimeSteps = json.Int("timeSteps", "time_steps", defaults.TimeSteps, Bound.Of(ConfigBounds.TimeSteps)),
            LossType = json.String("lossType", "loss_type", defaults.LossType, value =>
                ConfigChoices.LossTypes.Contains(value) ? null : $"Unsupported loss '{value}'"),
            Seed = json.Int("seed", "seed", defaults.Seed, Bound.Of(ConfigBounds.TrainingSeed)),
            DynamicsScale = json.Float("dynamicsScale", "dynamics_scale", defaults.DynamicsScale, Bound.Gt(0.01, "0.01"), Bound.Le(0.5, "0.5")),
            RolloutSteps = json.Int("rolloutSteps", "rollout_steps", defaults.RolloutSteps, Bound.Ge(2), Bound.Le(12)),
            RolloutWeight = json.Float("rolloutWeight", "rollout_weight", defaults.RolloutWeight,
                Bound.Ge(ConfigBounds.RolloutWeight.Min, "0.0"), Bound.Le(ConfigBounds.RolloutWeight.Max, "5.0")),
            Objective = json.String("objective", "objective", defaults.Objective, value =>
                ConfigChoices.Objectives.Contains(value) ? null : "objective must be one of ['reference', 'rectified']"),
        };
    }

    public static SimulationConfig Simulation(JsonFieldReader json)
    {
        var defaults = new SimulationConfig();
        return new()
        {
            Core = json.String("core", "core", defaults.Core, value =>
                ConfigChoices.SimulationCores.Contains(value) ? null : $"Unsupported core '{value}'"),
            ResolutionTier = json.String("resolutionTier", "resolution_tier", defaults.ResolutionTier, value =>
                ConfigChoices.ResolutionTiers.Any(tier => tier.Name == value) ? null : $"Unsupported resolution tier '{value}'"),
            InitialSource = json.String("initialSource", "initial_source", defaults.InitialSource),
            BoundarySource = json.String("boundarySource", "boundary_source", defaults.BoundarySource),
            Seed = json.Int("seed", "seed", defaults.Seed, Bound.Ge(0), Bound.Le(100_000)),
            TimeControl = TimeControl(json.Section("timeControl", "time_control", "TimeControlConfig")),
            Moisture = Moisture(json.Section("moisture", "moisture", "MoistureConfig")),
            SurfaceFlux = SurfaceFlux(json.Section("surfaceFlux", "surface_flux", "SurfaceFluxConfig")),
            Lod = Lod(json.Section("lod", "lod", "LODConfig")),
            Atmosphere = json.String("atmosphere", "atmosphere", defaults.Atmosphere, value =>
                ConfigChoices.Atmospheres.Contains(value) ? null : "atmosphere must be one of ['structured', 'reference']"),
        };
    }

    public static EvaluationConfig Evaluation(JsonFieldReader json) => new()
    {
        LeadTimes = json.NullableFloatList("leadTimes", "lead_times", values =>
            values.Count is 0 or > EvaluationConfig.MaxLeadTimes ? $"Give 1–{EvaluationConfig.MaxLeadTimes} lead times"
            : values.Any(value => !double.IsFinite(value) || value <= 0 || value > 24 * 60) ? "Lead times are hours, positive and at most 1440"
            : null),
    };

    public static InferenceConfig Inference(JsonFieldReader json)
    {
        var defaults = new InferenceConfig();
        return new(
            json.Int("tileSizeLat", "tile_size_lat", defaults.TileSizeLat, Bound.Ge(0), Bound.Le(512)),
            json.Int("tileSizeLon", "tile_size_lon", defaults.TileSizeLon, Bound.Ge(0), Bound.Le(1024)),
            json.Int("tileOverlap", "tile_overlap", defaults.TileOverlap, Bound.Ge(0), Bound.Le(64)));
    }

    private static GridSize Grid(JsonFieldReader json)
    {
        var defaults = new GridSize();
        return new(
            json.Int("lat", "lat", defaults.Lat, Bound.Ge(4), Bound.Le(128)),
            json.ValidatedInt("lon", "lon", defaults.Lon, lon => lon % 2 == 0 ? null : "Longitude must be an even number", Bound.Ge(4), Bound.Le(256)));
    }

    private static TimeControlConfig TimeControl(JsonFieldReader json)
    {
        var defaults = new TimeControlConfig();
        return new(
            json.Int("stepSeconds", "step_seconds", defaults.StepSeconds, Bound.Ge(30), Bound.Le(3600)),
            json.Int("replayLengthSeconds", "replay_length_seconds", defaults.ReplayLengthSeconds, Bound.Ge(60), Bound.Le(86_400)),
            json.Int("boundaryUpdateSeconds", "boundary_update_seconds", defaults.BoundaryUpdateSeconds, Bound.Ge(60), Bound.Le(86_400)));
    }

    private static MoistureConfig Moisture(JsonFieldReader json)
    {
        var defaults = new MoistureConfig();
        return new(
            json.Bool("enable", "enable", defaults.Enable),
            json.Float("condensationThreshold", "condensation_threshold", defaults.CondensationThreshold, UnitInterval),
            json.Float("condensationRate", "condensation_rate", defaults.CondensationRate, UnitInterval),
            json.Float("evaporationRate", "evaporation_rate", defaults.EvaporationRate, UnitInterval),
            json.Float("cloudEntrainment", "cloud_entrainment", defaults.CloudEntrainment, UnitInterval));
    }

    private static SurfaceFluxConfig SurfaceFlux(JsonFieldReader json)
    {
        var defaults = new SurfaceFluxConfig();
        return new(
            json.Float("latentCoeff", "latent_coeff", defaults.LatentCoeff, Bound.Ge(0, "0.0"), Bound.Le(2, "2.0")),
            json.Float("sensibleCoeff", "sensible_coeff", defaults.SensibleCoeff, Bound.Ge(0, "0.0"), Bound.Le(2, "2.0")),
            json.Float("dragCoeff", "drag_coeff", defaults.DragCoeff, UnitInterval),
            json.Bool("optimizedForRealTime", "optimized_for_real_time", defaults.OptimizedForRealTime));
    }

    private static LodConfig Lod(JsonFieldReader json)
    {
        var defaults = new LodConfig();
        return new(
            json.Int("minChunk", "min_chunk", defaults.MinChunk, Bound.Ge(1), Bound.Le(128)),
            json.Int("maxChunk", "max_chunk", defaults.MaxChunk, Bound.Ge(1), Bound.Le(256)),
            json.Int("overlap", "overlap", defaults.Overlap, Bound.Ge(0), Bound.Le(32)),
            json.Int("maxZoom", "max_zoom", defaults.MaxZoom, Bound.Ge(0), Bound.Le(6)));
    }

    private static Bound[] UnitInterval => [Bound.Ge(0, "0.0"), Bound.Le(1, "1.0")];
}
