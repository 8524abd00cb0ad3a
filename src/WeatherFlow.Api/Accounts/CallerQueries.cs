namespace WeatherFlow.Api.Accounts;

/// <summary><see cref="Caller"/>'s rules as query filters, so the database returns only what a request may see.</summary>
public static class CallerQueries
{
    /// <summary>What a list shows and a change may touch: every run for an admin, else the account's own (none for
    /// an anonymous caller).</summary>
    public static IQueryable<Experiment> OwnedBy(this IQueryable<Experiment> experiments, Caller caller) =>
        caller.IsAdmin ? experiments : experiments.Where(e => e.OwnerId != null && e.OwnerId == caller.AccountId);

    /// <summary>What a read by id may see: the owned runs and anonymous ones.</summary>
    public static IQueryable<Experiment> ReadableBy(this IQueryable<Experiment> experiments, Caller caller) =>
        caller.IsAdmin ? experiments : experiments.Where(e => e.OwnerId == null || e.OwnerId == caller.AccountId);
}
