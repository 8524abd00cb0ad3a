namespace WeatherFlow.Api.Experiments;

/// <summary>Changes a run's name, tags and note; the only change a finished run can have besides deletion.</summary>
public sealed class ExperimentLabeller(WeatherDbContext db, Caller caller, FinishedJobCache finishedJobs)
{
    /// <summary>Every problem of the update by field, or none.</summary>
    public static Dictionary<string, string[]> Validate(ExperimentLabelsUpdate update)
    {
        var errors = new Dictionary<string, string[]>();
        if (update.Name is { } name && LabelRules.NameError(name) is { } nameError)
        {
            errors["name"] = [nameError];
        }
        if (update.Tags is { } tags && LabelRules.TagsError(LabelRules.NormaliseTags(tags)) is { } tagsError)
        {
            errors["tags"] = [tagsError];
        }
        if (update.Note is { } note && LabelRules.NoteError(note) is { } noteError)
        {
            errors["note"] = [noteError];
        }
        return errors;
    }

    /// <summary>Applies a valid update; false when there is no such run of the caller's (or any, for an admin).</summary>
    public async Task<bool> UpdateAsync(Guid experimentId, ExperimentLabelsUpdate update, CancellationToken cancellationToken)
    {
        var name = update.Name?.Trim();
        var tags = update.Tags is null ? null : LabelRules.NormaliseTags(update.Tags).ToList();
        var note = update.Note is null ? null : string.IsNullOrWhiteSpace(update.Note) ? "" : update.Note;
        var rows = db.Experiments.OwnedBy(caller).Where(e => e.Id == experimentId);
        if (name is null && tags is null && note is null)
        {
            return await rows.AnyAsync(cancellationToken);
        }
        var updated = await rows.ExecuteUpdateAsync(set =>
        {
            if (name is not null)
            {
                set.SetProperty(e => e.Name, name);
            }
            if (tags is not null)
            {
                set.SetProperty(e => e.Tags, tags);
            }
            if (note is not null)
            {
                set.SetProperty(e => e.Note, note.Length == 0 ? null : note);
            }
        }, cancellationToken);
        if (updated == 0)
        {
            return false;
        }
        await finishedJobs.InvalidateAsync(experimentId);
        return true;
    }
}
