namespace WeatherFlow.Api.History;

internal static class ConfigDifferences
{
    /// <summary>Every leaf of the configs (objects walked by key, a list compared whole) whose values differ, in the
    /// order of the first config's keys.</summary>
    public static List<ConfigDifference> Between(IReadOnlyList<string> configs)
    {
        var leaves = configs.Select(config => Flatten(JsonElement.Parse(config))).ToList();
        var paths = leaves.SelectMany(leaf => leaf.Keys).Distinct();
        return [.. paths
            .Select(path => new ConfigDifference(path, [.. leaves.Select(leaf => leaf.TryGetValue(path, out var value) ? value : (JsonElement?)null)]))
            .Where(difference => difference.Values.Select(value => value?.GetRawText()).Distinct().Count() > 1)];
    }

    private static Dictionary<string, JsonElement> Flatten(JsonElement root)
    {
        var leaves = new Dictionary<string, JsonElement>();
        void Walk(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                leaves[path] = element;
                return;
            }
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}");
            }
        }
        Walk(root, "");
        return leaves;
    }
}
