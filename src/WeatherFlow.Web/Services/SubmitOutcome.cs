using WeatherFlow.Contracts.Jobs;
using WeatherFlow.Contracts.ReferenceWireFormat;

namespace WeatherFlow.Web.Services;

/// <summary>What the api made of a submitted experiment.</summary>
public abstract record SubmitOutcome
{
    /// <summary>Queued (or answered from the cache): the job to follow.</summary>
    public sealed record Accepted(ExperimentJob Job) : SubmitOutcome;

    /// <summary>422: every failing field, with the body path in <see cref="ConfigError.Loc"/>.</summary>
    public sealed record Invalid(IReadOnlyList<ConfigError> Errors) : SubmitOutcome;

    /// <summary>Any other refusal, with the api's own explanation.</summary>
    public sealed record Rejected(string Message) : SubmitOutcome;
}
