using Microsoft.EntityFrameworkCore.Query;
using WeatherFlow.Data.TrainerWork;

namespace WeatherFlow.Trainer.Work;

/// <summary>
/// The lease on a row of trainer work, the same for every kind. Every write after the claim is conditional on the row
/// still being running under the claim's run id: if the api cancelled it, or another trainer took it over after our
/// heartbeats stopped, the write changes nothing and the run stops. A kind adds its own columns and reactions
/// through the hooks.
/// </summary>
public abstract class LeasedWork<TRow>(IServiceScopeFactory scopes, TimeProvider time) : ITrainerWork
    where TRow : class, ILeasedWork
{
    private const int MaxErrorLength = 4000;

    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected TimeProvider Time { get; } = time;

    public abstract TrainerWorkKind Kind { get; }

    public abstract Task<bool> RunAsync(WorkClaim claim, WorkThread thread, CancellationToken cancellationToken);

    public async Task<ClaimOutcome> ClaimAsync(WorkClaim claim, bool holderIsGone, int maxAttempts, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var staleSince = now - WorkLease.StaleAfter;
        var claimed = await UpdateAsync(
            rows => rows.WaitingForTrainer(claim.WorkId, holderIsGone, staleSince).Where(w => w.Attempts < maxAttempts),
            set =>
            {
                set.SetProperty(w => w.Status, ExperimentJobStatus.Running)
                    .SetProperty(w => w.RunId, claim.RunId)
                    .SetProperty(w => w.TrainerInstance, claim.TrainerInstance)
                    .SetProperty(w => w.StartedAt, now)
                    .SetProperty(w => w.HeartbeatAt, now)
                    .SetProperty(w => w.Attempts, w => w.Attempts + 1);
                SetOnClaim(set);
            },
            cancellationToken);
        if (claimed)
        {
            await OnChangedAsync(claim.WorkId);
            return ClaimOutcome.Claimed;
        }
        var gaveUp = await UpdateAsync(
            rows => rows.WaitingForTrainer(claim.WorkId, holderIsGone, staleSince).Where(w => w.Attempts >= maxAttempts),
            set =>
            {
                set.SetProperty(w => w.Status, ExperimentJobStatus.Failed)
                    .SetProperty(w => w.RunId, (Guid?)null)
                    .SetProperty(w => w.Error, $"The {Kind.Noun()} was started {maxAttempts} times and its trainer stopped each time.")
                    .SetProperty(w => w.FinishedAt, now);
                SetOnFail(set);
            },
            cancellationToken);
        if (gaveUp)
        {
            await OnFailedAsync(claim.WorkId);
            return ClaimOutcome.GaveUp;
        }
        return ClaimOutcome.NotWaiting;
    }

    public Task<bool> HeartbeatAsync(WorkClaim claim) =>
        UpdateHeldAsync(claim, set => set.SetProperty(w => w.HeartbeatAt, Time.GetUtcNow()));

    public async Task ReleaseAsync(WorkClaim claim)
    {
        if (await UpdateHeldAsync(claim, set =>
            {
                set.SetProperty(w => w.Status, ExperimentJobStatus.Queued).SetProperty(w => w.RunId, (Guid?)null);
                SetOnRequeue(set);
            }))
        {
            await OnChangedAsync(claim.WorkId);
        }
    }

    public async Task HandBackAsync(WorkClaim claim)
    {
        if (await UpdateHeldAsync(claim, set =>
            {
                set.SetProperty(w => w.Status, ExperimentJobStatus.Queued)
                    .SetProperty(w => w.RunId, (Guid?)null)
                    .SetProperty(w => w.Attempts, w => w.Attempts - 1);
                SetOnRequeue(set);
            }))
        {
            await OnChangedAsync(claim.WorkId);
        }
    }

    public async Task FailAsync(WorkClaim claim, string error)
    {
        if (await UpdateHeldAsync(claim, set =>
            {
                set.SetProperty(w => w.Status, ExperimentJobStatus.Failed)
                    .SetProperty(w => w.Error, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error)
                    .SetProperty(w => w.FinishedAt, Time.GetUtcNow());
                SetOnFail(set);
            }))
        {
            await OnFailedAsync(claim.WorkId);
        }
    }

    /// <summary>Columns of the kind's own that a claim sets.</summary>
    protected virtual void SetOnClaim(UpdateSettersBuilder<TRow> set)
    {
    }

    /// <summary>Columns of the kind's own that handing the work back to the queue sets.</summary>
    protected virtual void SetOnRequeue(UpdateSettersBuilder<TRow> set)
    {
    }

    /// <summary>Columns of the kind's own that failing the work sets.</summary>
    protected virtual void SetOnFail(UpdateSettersBuilder<TRow> set)
    {
    }

    /// <summary>Called after the lease changed the work's state (claimed, handed back).</summary>
    protected virtual Task OnChangedAsync(Guid workId) => Task.CompletedTask;

    /// <summary>Called after the lease failed the work.</summary>
    protected virtual Task OnFailedAsync(Guid workId) => Task.CompletedTask;

    /// <summary>Changes the work while <paramref name="claim"/> holds it.</summary>
    /// <returns>false when the claim no longer holds it.</returns>
    protected Task<bool> UpdateHeldAsync(WorkClaim claim, Action<UpdateSettersBuilder<TRow>> set) =>
        UpdateAsync(rows => rows.HeldBy(claim.WorkId, claim.RunId), set, CancellationToken.None);

    private async Task<bool> UpdateAsync(
        Func<IQueryable<TRow>, IQueryable<TRow>> rows, Action<UpdateSettersBuilder<TRow>> set, CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WeatherDbContext>();
        return await rows(db.Set<TRow>()).ExecuteUpdateAsync(set, cancellationToken) > 0;
    }
}
