namespace WeatherFlow.Api.Accounts;

/// <summary><see cref="Viewer"/>'s rules as query filters, so the database returns only what a request may see.</summary>
public static class ViewerQueries
{
    /// <summary>What a list shows and a change may touch: every run for an admin, else the account's own (none for
    /// an anonymous caller).</summary>
    public static IQueryable<Experiment> OwnedBy(this IQueryable<Experiment> experiments, Viewer viewer) =>
        viewer.IsAdmin ? experiments : experiments.Where(e => e.OwnerId != null && e.OwnerId == viewer.AccountId);

    /// <summary>What a read by id may see: the owned runs and anonymous ones.</summary>
    public static IQueryable<Experiment> ReadableBy(this IQueryable<Experiment> experiments, Viewer viewer) =>
        viewer.IsAdmin ? experiments : experiments.Where(e => e.OwnerId == null || e.OwnerId == viewer.AccountId);
}
