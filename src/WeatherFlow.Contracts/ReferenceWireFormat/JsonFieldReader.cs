using System.Text.Json;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>
/// Reads the fields of one config section the way pydantic validates a model: the camelCase alias or the
/// snake_case name, lax coercion, bounds, then the field's own validator. A missing field takes its default; every
/// failure is recorded and reading goes on, so the caller gets all of them at once.
/// </summary>
internal sealed class JsonFieldReader(JsonElement? section, IReadOnlyList<object> location, List<ConfigError> errors)
{
    public IReadOnlyList<object> Location => location;

    public IReadOnlyList<object> At(object key) => [.. location, key];

    public JsonFieldReader Section(string alias, string name, string className)
    {
        if (!TryGet(alias, name, out var value))
        {
            return new(null, At(alias), errors);
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(PydanticErrors.ModelType(At(alias), className, value.Clone()));
            return new(null, At(alias), errors);
        }
        return new(value, At(alias), errors);
    }

    public int Int(string alias, string name, int fallback, params Bound[] bounds) =>
        TryGet(alias, name, out var value) && Integer(value, At(alias), bounds) is { } result ? result : fallback;

    /// <param name="validate">The field validator, run once type and bounds pass: an error message, or null.</param>
    public int ValidatedInt(string alias, string name, int fallback, Func<int, string?> validate, params Bound[] bounds)
    {
        if (!TryGet(alias, name, out var value) || Integer(value, At(alias), bounds) is not { } result)
        {
            return fallback;
        }
        return validate(result) is { } message ? Fail(PydanticErrors.ValueError(At(alias), message, value.Clone()), fallback) : result;
    }

    public double Float(string alias, string name, double fallback, params Bound[] bounds)
    {
        if (!TryGet(alias, name, out var value))
        {
            return fallback;
        }
        var (number, errorType, message) = LaxCoercion.ToFloat(value);
        if (errorType is not null)
        {
            return Fail(PydanticErrors.Type(At(alias), errorType, message!, value.Clone()), fallback);
        }
        return Bounded(number, value, At(alias), bounds) ? number : fallback;
    }

    public bool Bool(string alias, string name, bool fallback)
    {
        if (!TryGet(alias, name, out var value))
        {
            return fallback;
        }
        var (flag, errorType, message) = LaxCoercion.ToBoolean(value);
        return errorType is null ? flag : Fail(PydanticErrors.Type(At(alias), errorType, message!, value.Clone()), fallback);
    }

    /// <param name="validate">The field validator: an error message, or null when the value is acceptable.</param>
    public string String(string alias, string name, string fallback, Func<string, string?>? validate = null) =>
        TryGet(alias, name, out var value) && Text(value, At(alias), validate) is { } text ? text : fallback;

    public string? NullableString(string alias, string name) =>
        TryGet(alias, name, out var value) && value.ValueKind != JsonValueKind.Null ? Text(value, At(alias), null) : null;

    public IReadOnlyList<string> StringList(string alias, string name, IReadOnlyList<string> fallback, Func<IReadOnlyList<string>, string?> validate) =>
        List(alias, name, fallback, (item, at) => Text(item, at, null) ?? "", validate);

    public IReadOnlyList<int> IntList(string alias, string name, IReadOnlyList<int> fallback, Func<IReadOnlyList<int>, string?> validate) =>
        List(alias, name, fallback, (item, at) => Integer(item, at, []) ?? 0, validate);

    /// <summary>A list that may be absent or null (WeatherFlow's additions, whose default depends on a dataset).</summary>
    public IReadOnlyList<string>? NullableStringList(string alias, string name, Func<IReadOnlyList<string>, string?> validate) =>
        TryGet(alias, name, out var value) && value.ValueKind != JsonValueKind.Null ? StringList(alias, name, [], validate) : null;

    public IReadOnlyList<double>? NullableFloatList(string alias, string name, Func<IReadOnlyList<double>, string?> validate) =>
        TryGet(alias, name, out var value) && value.ValueKind != JsonValueKind.Null
            ? List<double>(alias, name, [], (item, at) => FloatItem(item, at), validate)
            : null;

    public int? NullableInt(string alias, string name, params Bound[] bounds) =>
        TryGet(alias, name, out var value) && value.ValueKind != JsonValueKind.Null ? Integer(value, At(alias), bounds) : null;

    public bool Has(string alias, string name) => TryGet(alias, name, out var value) && value.ValueKind != JsonValueKind.Null;

    public bool IsValid(string alias) =>
        !errors.Any(error => error.Loc.Count > location.Count && Equals(error.Loc[location.Count], alias) && error.Loc.Take(location.Count).SequenceEqual(location));

    public void AddValueError(string alias, string message, JsonElement input) => errors.Add(PydanticErrors.ValueError(At(alias), message, input));

    public JsonElement InputOf(string alias, string name) => TryGet(alias, name, out var value) ? value.Clone() : PydanticErrors.Null;

    private bool TryGet(string alias, string name, out JsonElement value)
    {
        value = default;
        return section is { } json && (json.TryGetProperty(alias, out value) || (name != alias && json.TryGetProperty(name, out value)));
    }

    private IReadOnlyList<T> List<T>(string alias, string name, IReadOnlyList<T> fallback, Func<JsonElement, IReadOnlyList<object>, T> readItem, Func<IReadOnlyList<T>, string?> validate)
    {
        if (!TryGet(alias, name, out var value))
        {
            return fallback;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail(PydanticErrors.Type(At(alias), "list_type", "Input should be a valid list", value.Clone()), fallback);
        }
        var before = errors.Count;
        // Item failures are recorded as they are read; the list validator only sees a list whose items all passed.
        var list = value.EnumerateArray().Select((item, index) => readItem(item, [.. At(alias), index])).ToList();
        if (errors.Count > before)
        {
            return fallback;
        }
        return validate(list) is { } message ? Fail(PydanticErrors.ValueError(At(alias), message, value.Clone()), fallback) : list;
    }

    private int? Integer(JsonElement value, IReadOnlyList<object> at, Bound[] bounds)
    {
        var (number, errorType, message) = LaxCoercion.ToInteger(value);
        if (errorType is not null)
        {
            return Fail<int?>(PydanticErrors.Type(at, errorType, message!, value.Clone()), null);
        }
        if (!Bounded(number, value, at, bounds))
        {
            return null;
        }
        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : Fail<int?>(PydanticErrors.Type(at, "int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", value.Clone()), null);
    }

    private double FloatItem(JsonElement value, IReadOnlyList<object> at)
    {
        var (number, errorType, message) = LaxCoercion.ToFloat(value);
        return errorType is null ? number : Fail(PydanticErrors.Type(at, errorType, message!, value.Clone()), 0.0);
    }

    private string? Text(JsonElement value, IReadOnlyList<object> at, Func<string, string?>? validate)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail<string?>(PydanticErrors.Type(at, "string_type", "Input should be a valid string", value.Clone()), null);
        }
        var text = value.GetString()!;
        return validate?.Invoke(text) is { } message ? Fail<string?>(PydanticErrors.ValueError(at, message, value.Clone()), null) : text;
    }

    private bool Bounded(double number, JsonElement value, IReadOnlyList<object> at, Bound[] bounds)
    {
        var broken = bounds.FirstOrDefault(bound => !bound.Admits(number));
        return broken.Key is null || Fail(broken.Violation(at, value.Clone()), false);
    }

    private T Fail<T>(ConfigError error, T fallback)
    {
        errors.Add(error);
        return fallback;
    }
}
