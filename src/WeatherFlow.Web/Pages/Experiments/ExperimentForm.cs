using System.Text.Json;
using WeatherFlow.Contracts.Config;
using WeatherFlow.Contracts.Labels;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>
/// The compose form's fields. It carries no validation rules of its own: the api is the one judge of a config and its
/// labels, and its 422 answer is shown next to the fields it names (the browser's checks only save a round trip).
/// </summary>
public sealed class ExperimentForm
{
    public List<string> Variables { get; set; } = [];
    public List<int> PressureLevels { get; set; } = [];
    public string GridSize { get; set; } = "";
    public int TrainSamples { get; set; }
    public int ValSamples { get; set; }
    public string Backbone { get; set; } = "";
    public int HiddenDim { get; set; }
    public int NLayers { get; set; }
    public bool UseAttention { get; set; }
    public bool PhysicsInformed { get; set; }
    public int Epochs { get; set; }
    public int BatchSize { get; set; }
    public double LearningRate { get; set; }
    public string SolverMethod { get; set; } = "";
    public string LossType { get; set; } = "";
    public int TimeSteps { get; set; }
    public int Seed { get; set; }
    public double RolloutWeight { get; set; }
    public string Objective { get; set; } = "";
    public string Core { get; set; } = "";
    public string ResolutionTier { get; set; } = "";
    public string Atmosphere { get; set; } = "";

    /// <summary><see cref="SyntheticSource"/> (the fields above) or <see cref="DatasetSource"/> (the ones below).</summary>
    public string DataSource { get; set; } = SyntheticSource;

    /// <summary>The stored dataset to train on, by id (or name, which the api resolves).</summary>
    public string? Dataset { get; set; }

    /// <summary>Its channels to train on; none chosen means all of them, the api's default.</summary>
    public List<string> DatasetChannels { get; set; } = [];

    /// <summary>How far ahead to forecast, a multiple of the dataset's step; empty means one step, the api's default.</summary>
    public int? LeadHours { get; set; }

    public const string SyntheticSource = "synthetic";
    public const string DatasetSource = "dataset";

    /// <summary>The dataset the form offers first: the built-in one every server has.</summary>
    public const string DefaultDataset = "ncar-storm-1996";

    public bool UsesDataset => DataSource == DatasetSource;

    /// <summary>The run's name; left empty, the api makes one from the config.</summary>
    public string? Name { get; set; }

    /// <summary>The run's tags, comma-separated as typed.</summary>
    public string? Tags { get; set; }

    public string? Note { get; set; }

    /// <summary>The canonical JSON of the config the form started from (a run being re-run, or the defaults), so the
    /// fields the form does not show keep their values.</summary>
    public string BaseConfig { get; set; } = "";

    /// <summary>Which form field answers for each config field the api may name in a 422 <c>loc</c>.</summary>
    private static readonly Dictionary<string, string> ConfigFieldsByLocation = new[]
    {
        ("dataset", nameof(Variables)), ("dataset", nameof(PressureLevels)), ("dataset", nameof(GridSize)),
        ("dataset", nameof(TrainSamples)), ("dataset", nameof(ValSamples)),
        ("model", nameof(Backbone)), ("model", nameof(HiddenDim)), ("model", nameof(NLayers)),
        ("model", nameof(UseAttention)), ("model", nameof(PhysicsInformed)),
        ("training", nameof(Epochs)), ("training", nameof(BatchSize)), ("training", nameof(LearningRate)),
        ("training", nameof(SolverMethod)), ("training", nameof(LossType)), ("training", nameof(TimeSteps)),
        ("training", nameof(Seed)), ("training", nameof(RolloutWeight)), ("training", nameof(Objective)),
        ("simulation", nameof(Core)), ("simulation", nameof(ResolutionTier)), ("simulation", nameof(Atmosphere)),
        ("dataset", "source"), ("dataset", "channels"), ("dataset", nameof(LeadHours)),
    }.ToDictionary(field => $"{field.Item1}.{JsonNamingPolicy.CamelCase.ConvertName(field.Item2)}", field => field.Item2 switch
    {
        "source" => nameof(Dataset),
        "channels" => nameof(DatasetChannels),
        var name => name,
    });

    /// <summary>The labels are top-level fields of the body, so their <c>loc</c> is <c>["body","tags"]</c> or, for one
    /// tag, <c>["body","tags",3]</c>.</summary>
    private static readonly Dictionary<string, string> LabelFieldsByLocation =
        new[] { nameof(Name), nameof(Tags), nameof(Note) }.ToDictionary(JsonNamingPolicy.CamelCase.ConvertName);

    public static ExperimentForm From(ExperimentConfig config, ExperimentLabels labels) => new()
    {
        Variables = [.. config.Dataset.Variables],
        PressureLevels = [.. config.Dataset.PressureLevels],
        GridSize = Format(config.Dataset.GridSize),
        TrainSamples = config.Dataset.TrainSamples,
        ValSamples = config.Dataset.ValSamples,
        Backbone = config.Model.Backbone,
        HiddenDim = config.Model.HiddenDim,
        NLayers = config.Model.NLayers,
        UseAttention = config.Model.UseAttention,
        PhysicsInformed = config.Model.PhysicsInformed,
        Epochs = config.Training.Epochs,
        BatchSize = config.Training.BatchSize,
        LearningRate = config.Training.LearningRate,
        SolverMethod = config.Training.SolverMethod,
        LossType = config.Training.LossType,
        TimeSteps = config.Training.TimeSteps,
        Seed = config.Training.Seed,
        RolloutWeight = config.Training.RolloutWeight,
        Objective = config.Training.Objective,
        Core = config.Simulation.Core,
        ResolutionTier = config.Simulation.ResolutionTier,
        Atmosphere = config.Simulation.Atmosphere,
        DataSource = config.Dataset.Source is null ? SyntheticSource : DatasetSource,
        Dataset = config.Dataset.Source,
        DatasetChannels = [.. config.Dataset.Channels ?? []],
        LeadHours = config.Dataset.LeadHours,
        BaseConfig = config.ToCanonicalJson(),
        Name = labels.Name,
        Tags = string.Join(", ", labels.Tags),
        Note = labels.Note,
    };

    /// <summary>The config to submit: the base config (else the contract's defaults) with the form's choices laid over it.</summary>
    /// <exception cref="JsonException">The base config sent with the form is not a config.</exception>
    public ExperimentConfig ToConfig()
    {
        var defaults = BaseConfig.Length > 0 ? ExperimentConfig.FromCanonicalJson(BaseConfig) : new ExperimentConfig();
        // A dataset's grid is regional, which only the grid backbone without wrap-around padding can learn; the
        // synthetic fields are not sent then (their fieldset is off), so the base config's stay as they were.
        var config = defaults with
        {
            Dataset = UsesDataset
                ? defaults.Dataset with
                {
                    Source = string.IsNullOrWhiteSpace(Dataset) ? DefaultDataset : Dataset,
                    SourceDigest = null,
                    Channels = DatasetChannels.Count > 0 ? DatasetChannels : null,
                    LeadHours = LeadHours,
                }
                : defaults.Dataset with
                {
                    Variables = Variables,
                    PressureLevels = PressureLevels,
                    GridSize = ParseGridSize(GridSize) ?? defaults.Dataset.GridSize,
                    TrainSamples = TrainSamples,
                    ValSamples = ValSamples,
                    Source = null,
                    SourceDigest = null,
                    Channels = null,
                    LeadHours = null,
                    Split = null,
                },
            Model = defaults.Model with
            {
                Backbone = UsesDataset ? ConfigChoices.Grid : Backbone,
                HiddenDim = HiddenDim,
                NLayers = NLayers,
                UseAttention = UseAttention,
                PhysicsInformed = PhysicsInformed,
            },
            Training = defaults.Training with
            {
                Epochs = Epochs,
                BatchSize = BatchSize,
                LearningRate = LearningRate,
                SolverMethod = SolverMethod,
                LossType = LossType,
                TimeSteps = TimeSteps,
                Seed = Seed,
                RolloutWeight = RolloutWeight,
                Objective = Objective,
            },
            Simulation = defaults.Simulation with { Core = Core, ResolutionTier = ResolutionTier, Atmosphere = Atmosphere },
        };
        return UsesDataset ? config with { Model = config.Model with { SphericalPadding = false } } : config;
    }

    /// <summary>The labels to submit; blanks are sent as absent, so an empty name gets the api's default.</summary>
    public ExperimentLabels ToLabels() => new(
        string.IsNullOrWhiteSpace(Name) ? null : Name,
        LabelText.Tags(Tags),
        string.IsNullOrWhiteSpace(Note) ? null : LabelText.Note(Note));

    /// <summary>The form field a 422 location such as <c>["body","dataset","variables",0]</c> points at, if any.</summary>
    public static string? FieldFor(IReadOnlyList<object> location) =>
        location.Count >= 2 && LabelFieldsByLocation.TryGetValue($"{location[1]}", out var label) ? label
        : location.Count >= 3 && ConfigFieldsByLocation.TryGetValue($"{location[1]}.{location[2]}", out var field) ? field
        : null;

    public static string Format(GridSize size) => $"{size.Lat}x{size.Lon}";

    public static GridSize? ParseGridSize(string text) =>
        text.Split('x') is [var lat, var lon] && int.TryParse(lat, out var h) && int.TryParse(lon, out var w) ? new(h, w) : null;
}
