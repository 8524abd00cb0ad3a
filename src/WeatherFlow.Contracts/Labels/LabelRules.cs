using System.Text.RegularExpressions;

namespace WeatherFlow.Contracts.Labels;

/// <summary>What a name, tag or note may be. Tags are kept in lower case, so <c>Baseline</c> and <c>baseline</c>
/// are one tag and a tag filter needs no case folding.</summary>
public static partial class LabelRules
{
    public const int MaxNameLength = 100;
    public const int MaxTags = 10;
    public const int MaxTagLength = 32;
    public const int MaxNoteLength = 2000;

    public static string? NameError(string name) =>
        string.IsNullOrWhiteSpace(name) ? "name must not be empty"
        : name.Length > MaxNameLength ? $"name must be at most {MaxNameLength} characters"
        : name.Any(char.IsControl) ? "name must not contain control characters"
        : null;

    public static string? TagsError(IReadOnlyList<string> tags) =>
        tags.Count > MaxTags ? $"at most {MaxTags} tags are allowed"
        : tags.FirstOrDefault(tag => !TagPattern().IsMatch(tag)) is { } bad
            ? $"tag '{bad}' must be 1 to {MaxTagLength} letters, digits or . _ : / + - and start with a letter or digit"
        : null;

    public static string? NoteError(string note) =>
        note.Length > MaxNoteLength ? $"note must be at most {MaxNoteLength} characters" : null;

    public static IReadOnlyList<string> NormaliseTags(IEnumerable<string> tags) =>
        [.. tags.Select(tag => tag.Trim().ToLowerInvariant()).Distinct()];

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._:/+-]{0,31}$")]
    private static partial Regex TagPattern();
}
