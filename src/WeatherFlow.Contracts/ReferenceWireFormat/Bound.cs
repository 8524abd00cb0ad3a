using System.Globalization;
using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>
/// A pydantic <c>Field(ge=…, gt=…, le=…)</c> constraint. <see cref="Literal"/> is the bound as the reference declares
/// it (<c>0.0</c> vs <c>0</c>), which FastAPI echoes in <c>ctx</c>.
/// </summary>
internal readonly record struct Bound(string Key, double Value, string Literal)
{
    public static Bound Ge(int value) => new("ge", value, value.ToString(CultureInfo.InvariantCulture));
    public static Bound Le(int value) => new("le", value, value.ToString(CultureInfo.InvariantCulture));
    public static Bound Ge(double value, string literal) => new("ge", value, literal);
    public static Bound Gt(double value, string literal) => new("gt", value, literal);
    public static Bound Le(double value, string literal) => new("le", value, literal);

    /// <summary>The bounds of a whole-number range, declared as ints (so echoed as <c>4</c>, not <c>4.0</c>).</summary>
    public static Bound[] Of(NumberRange range) => [Ge((int)range.Min), Le((int)range.Max)];

    public bool Admits(double input) => Key switch
    {
        "ge" => input >= Value,
        "gt" => input > Value,
        _ => input <= Value,
    };

    public ConfigError Violation(IReadOnlyList<object> location, System.Text.Json.JsonElement input)
    {
        var (type, relation) = Key switch
        {
            "ge" => ("greater_than_equal", "greater than or equal to"),
            "gt" => ("greater_than", "greater than"),
            _ => ("less_than_equal", "less than or equal to"),
        };
        // pydantic-core renders the bound with Rust's float formatting (0.0 → "0") but echoes the declared value.
        var shown = Value.ToString("R", CultureInfo.InvariantCulture);
        return new(type, location, $"Input should be {relation} {shown}", input, PydanticErrors.Context($"{{\"{Key}\":{Literal}}}"));
    }
}
