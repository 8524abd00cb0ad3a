using WeatherFlow.Contracts.Labels;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>WeatherFlow's top-level <c>name</c>, <c>tags</c> and <c>note</c> of a submission. The reference ignores
/// unknown keys, so its clients never send these and are unaffected; ours get their errors in the same 422 list.</summary>
internal static class LabelFields
{
    public static ExperimentLabels Read(JsonFieldReader root)
    {
        var name = root.NullableString("name", "name");
        if (name is not null && LabelRules.NameError(name) is { } nameError)
        {
            root.AddValueError("name", nameError, root.InputOf("name", "name"));
            name = null;
        }
        var tags = root.StringList("tags", "tags", [], LabelRules.TagsError);
        var note = root.NullableString("note", "note");
        if (note is not null && LabelRules.NoteError(note) is { } noteError)
        {
            root.AddValueError("note", noteError, root.InputOf("note", "note"));
            note = null;
        }
        return new(name?.Trim(), LabelRules.NormaliseTags(tags), string.IsNullOrWhiteSpace(note) ? null : note);
    }
}
