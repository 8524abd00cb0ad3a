namespace WeatherFlow.Contracts.Datasets;

/// <summary>
/// A dataset as <c>GET /api/datasets/{id}</c> answers it (the list leaves out <see cref="Description"/>'s coordinates
/// by sending the same record; it is small next to the files). <see cref="BuiltIn"/> datasets are registered by the
/// server and public; <see cref="Mine"/> says whether the caller owns it.
/// </summary>
public sealed record DatasetInfo(
    Guid Id,
    string Name,
    bool IsPublic,
    bool BuiltIn,
    bool Mine,
    DateTimeOffset CreatedAt,
    long Bytes,
    string Digest,
    string? Provenance,
    string? Licence,
    DatasetDescription Description);
