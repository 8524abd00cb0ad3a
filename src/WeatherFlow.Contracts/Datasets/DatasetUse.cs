namespace WeatherFlow.Contracts.Datasets;

/// <summary>
/// WeatherFlow's addition to the result of a run on a stored dataset: which dataset and version, which contiguous
/// blocks of its time axis trained, validated and tested (step indexes, end exclusive), how many input–target pairs
/// <see cref="LeadHours"/> apart each block gave once pairs touching a defective step were skipped, the cells masked,
/// the grid's coordinates, and the model's one-lead forecast scored against persistence over every test pair.
/// </summary>
public sealed record DatasetUse(
    string DatasetId,
    string Digest,
    int LeadHours,
    UsedBlock Train,
    UsedBlock Validation,
    UsedBlock Test,
    int MaskedCells,
    IReadOnlyList<double> Latitudes,
    IReadOnlyList<double> Longitudes,
    IReadOnlyList<IReadOnlyList<bool>> Mask,
    IReadOnlyList<TestChannelScore> TestScores);

/// <param name="FirstTime">The time of the block's first step, when the dataset knows its start.</param>
public sealed record UsedBlock(int Start, int End, int Pairs, DateTimeOffset? FirstTime);

/// <summary>Latitude-weighted over unmasked cells and every test pair; skill = 1 − rmse/persistenceRmse (positive beats persistence).</summary>
public sealed record TestChannelScore(string Channel, double Rmse, double PersistenceRmse, double? Skill);
