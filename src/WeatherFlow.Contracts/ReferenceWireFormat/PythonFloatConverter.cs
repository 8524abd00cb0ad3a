using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeatherFlow.Contracts.ReferenceWireFormat;

/// <summary>
/// Writes doubles the way Python's <c>json</c> does (<c>repr</c>: <c>0.0</c>, <c>1.0</c>, <c>5e-05</c>, <c>1e+16</c>),
/// so documents are byte-compatible with the reference server; .NET alone would write <c>0</c>, <c>1</c>, <c>5E-05</c>.
/// </summary>
public sealed class PythonFloatConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException($"{value} has no JSON representation.");
        }
        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    public static string Format(double value)
    {
        // "E16" would not be the shortest round-trip form; "R" is, so take its digits and exponent apart.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var sign = double.IsNegative(value) ? "-" : "";
        var exponentAt = shortest.IndexOf('E');
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest.AsSpan(exponentAt + 1), CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa : mantissa[..point];
        var digits = (integerDigits + (point < 0 ? "" : mantissa[(point + 1)..])).TrimStart('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }
        // Scientific exponent of the first significant digit.
        var leadingZeros = (integerDigits + (point < 0 ? "" : mantissa[(point + 1)..])).Length - digits.Length;
        var scientific = exponent + integerDigits.Length - 1 - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        if (scientific is < -4 or >= 16)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : "";
            return $"{sign}{digits[0]}{fraction}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific):00}";
        }
        if (scientific < 0)
        {
            return $"{sign}0.{new string('0', -scientific - 1)}{digits}";
        }
        var whole = digits.Length > scientific + 1 ? digits[..(scientific + 1)] : digits.PadRight(scientific + 1, '0');
        var rest = digits.Length > scientific + 1 ? digits[(scientific + 1)..] : "0";
        return $"{sign}{whole}.{rest}";
    }
}
