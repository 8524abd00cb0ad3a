namespace WeatherFlow.Api.Accounts;

/// <summary>
/// The quotas of accounts, checked as one of their experiments is about to be queued: how many may be queued or
/// running at once, and how many trainer seconds their runs used in the last 24 hours (a running run counts so far).
/// Runs answered from the result cache use no trainer and are never refused.
/// </summary>
public sealed class AccountQuotas(WeatherDbContext db, IOptions<QuotaOptions> defaults, TimeProvider time)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task<AccountQuota?> GetAsync(string account, CancellationToken cancellationToken)
    {
        var user = await Named(account).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var active = await ActiveAsync(user.Id, cancellationToken);
        var (used, _) = await RunSecondsAsync(user.Id, cancellationToken);
        var (maxActive, maxSeconds) = InForce(user.MaxActiveExperiments, user.MaxRunSecondsPerDay);
        return new AccountQuota(user.Id, user.UserName ?? user.Id, maxActive, maxSeconds,
            user.MaxActiveExperiments is null && user.MaxRunSecondsPerDay is null, active, Math.Round(used, 1));
    }

    /// <summary>Sets an account's own quota; null fields go back to the defaults. False for an unknown account.</summary>
    public async Task<bool> SetAsync(string account, AccountQuotaUpdate update, CancellationToken cancellationToken) =>
        await Named(account)
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.MaxActiveExperiments, update.MaxActiveExperiments)
                .SetProperty(u => u.MaxRunSecondsPerDay, update.MaxRunSecondsPerDay), cancellationToken) > 0;

    /// <summary>Why the account may not queue another run now, or null. Call it holding the account's submission lock
    /// (<see cref="LockAsync"/>), so two submissions at once cannot both take the last place.</summary>
    public async Task<QuotaRefusal?> RefusalAsync(string accountId, CancellationToken cancellationToken)
    {
        var quota = await db.Users.Where(u => u.Id == accountId)
            .Select(u => new { u.MaxActiveExperiments, u.MaxRunSecondsPerDay })
            .FirstAsync(cancellationToken);
        var (maxActive, maxSeconds) = InForce(quota.MaxActiveExperiments, quota.MaxRunSecondsPerDay);
        var active = await ActiveAsync(accountId, cancellationToken);
        if (active >= maxActive)
        {
            return new QuotaRefusal(
                $"Quota of queued or running experiments reached: {active} of {maxActive}. It frees up as soon as one of them finishes (or is cancelled); nothing already accepted is affected.",
                null);
        }
        var (used, oldestEnd) = await RunSecondsAsync(accountId, cancellationToken);
        if (used >= maxSeconds)
        {
            var frees = oldestEnd is { } end ? end + Day - time.GetUtcNow() : Day;
            return new QuotaRefusal(
                $"Quota of trainer time reached: your runs used {used:F0} of {maxSeconds} s in the last 24 hours. It frees up as runs leave that window, the first in {Math.Ceiling(frees.TotalSeconds):F0} s.",
                frees);
        }
        return null;
    }

    /// <summary>Serialises an account's submissions for the rest of the current transaction.</summary>
    public Task LockAsync(string accountId, CancellationToken cancellationToken) => db.LockAccountSubmissionsAsync(accountId, cancellationToken);

    /// <summary>An account by its id or user name.</summary>
    private IQueryable<WeatherFlowUser> Named(string account) =>
        db.Users.Where(u => u.Id == account || u.NormalizedUserName == account.ToUpperInvariant());

    /// <summary>The account's own quota where an admin set one, else the default.</summary>
    private (int MaxActive, int MaxRunSeconds) InForce(int? maxActive, int? maxRunSeconds) =>
        (maxActive ?? defaults.Value.MaxActiveExperiments, maxRunSeconds ?? defaults.Value.MaxRunSecondsPerDay);

    private Task<int> ActiveAsync(string accountId, CancellationToken cancellationToken) =>
        db.Experiments.CountAsync(e => e.OwnerId == accountId
            && (e.Status == ExperimentJobStatus.Queued || e.Status == ExperimentJobStatus.Running), cancellationToken);

    /// <summary>The account's trainer seconds within the last 24 hours, and the end of its oldest run in them.</summary>
    private async Task<(double Seconds, DateTimeOffset? OldestEnd)> RunSecondsAsync(string accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - Day;
        var runs = await db.Experiments.AsNoTracking()
            .Where(e => e.OwnerId == accountId && !e.FromCache && e.StartedAt != null && (e.FinishedAt == null || e.FinishedAt > since))
            .Select(e => new { StartedAt = e.StartedAt!.Value, e.FinishedAt })
            .ToListAsync(cancellationToken);
        var seconds = runs.Sum(run => ((run.FinishedAt ?? now) - (run.StartedAt > since ? run.StartedAt : since)).TotalSeconds);
        return (seconds, runs.Where(run => run.FinishedAt is not null).Min(run => run.FinishedAt));
    }
}
