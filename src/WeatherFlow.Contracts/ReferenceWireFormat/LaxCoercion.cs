using System.Globalization;
using System.Text.Json;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>pydantic v2 "lax" mode conversions: what a JSON value may stand for, or why it cannot.</summary>
internal static class LaxCoercion
{
    private static readonly string[] TrueWords = ["1", "on", "t", "true", "y", "yes"];
    private static readonly string[] FalseWords = ["0", "off", "f", "false", "n", "no"];

    /// <summary>An integer, kept as a double so out-of-range values still reach the bound checks.</summary>
    public static (double Value, string? ErrorType, string? Message) ToInteger(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Number:
                var number = input.GetDouble();
                return Math.Floor(number) == number
                    ? (number, null, null)
                    : (0, "int_from_float", "Input should be a valid integer, got a number with a fractional part");
            case JsonValueKind.True or JsonValueKind.False:
                return (input.GetBoolean() ? 1 : 0, null, null);
            case JsonValueKind.String:
                var text = StripDecimalZeros(input.GetString()!.Trim());
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? (parsed, null, null)
                    : (0, "int_parsing", "Input should be a valid integer, unable to parse string as an integer");
            default:
                return (0, "int_type", "Input should be a valid integer");
        }
    }

    public static (double Value, string? ErrorType, string? Message) ToFloat(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Number:
                return (input.GetDouble(), null, null);
            case JsonValueKind.True or JsonValueKind.False:
                return (input.GetBoolean() ? 1 : 0, null, null);
            case JsonValueKind.String:
                if (!double.TryParse(input.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return (0, "float_parsing", "Input should be a valid number, unable to parse string as a number");
                }
                return double.IsFinite(parsed) ? (parsed, null, null) : (0, "finite_number", "Input should be a finite number");
            default:
                return (0, "float_type", "Input should be a valid number");
        }
    }

    public static (bool Value, string? ErrorType, string? Message) ToBoolean(JsonElement input)
    {
        const string Unreadable = "Input should be a valid boolean, unable to interpret input";
        switch (input.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                return (input.GetBoolean(), null, null);
            case JsonValueKind.Number:
                var number = input.GetDouble();
                return number is 0 or 1 ? (number == 1, null, null) : (false, "bool_parsing", Unreadable);
            case JsonValueKind.String:
                var word = input.GetString()!.Trim().ToLowerInvariant();
                return TrueWords.Contains(word) ? (true, null, null)
                    : FalseWords.Contains(word) ? (false, null, null)
                    : (false, "bool_parsing", Unreadable);
            default:
                return (false, "bool_type", "Input should be a valid boolean");
        }
    }

    // pydantic-core accepts "5.0" and "5.00" as the integer 5, but not "5.5".
    private static string StripDecimalZeros(string text)
    {
        var point = text.IndexOf('.');
        return point > 0 && text.AsSpan(point + 1).TrimEnd('0').IsEmpty ? text[..point] : text;
    }
}
