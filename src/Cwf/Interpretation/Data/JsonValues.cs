using System.Text.Json;
using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Data;

/// <summary>
/// JSON values of data files by column type: numbers for numeric columns (also numeric strings),
/// strings for text, dates and timestamps, true/false for booleans, and for geography a GeoJSON
/// geometry object or a WKT string. A float64 that JSON cannot hold (NaN, ±Infinity) is written
/// as the string "NaN" / "Infinity" / "-Infinity", which reads back.
/// </summary>
internal static class JsonValues
{
    public static bool TryRead(JsonElement e, SqlType type, out object? value, out string? error)
    {
        value = null;
        error = null;
        switch (e.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return true;
            case JsonValueKind.String:
                return DataValues.TryParse(e.GetString()!, type, out value, out error);
            case JsonValueKind.Number:
                switch (type)
                {
                    case SqlType.Int64 when e.TryGetInt64(out var l):
                        value = l;
                        return true;
                    case SqlType.Float64:
                        value = e.GetDouble();
                        return true;
                    case SqlType.Decimal when e.TryGetDecimal(out var m):
                        value = m;
                        return true;
                    case SqlType.String or SqlType.Unknown:
                        value = e.GetRawText();
                        return true;
                }
                break;
            case JsonValueKind.True or JsonValueKind.False:
                if (type == SqlType.Bool)
                {
                    value = SqlValues.Bool(e.GetBoolean());
                    return true;
                }
                if (type is SqlType.String or SqlType.Unknown)
                {
                    value = e.GetBoolean() ? "true" : "false";
                    return true;
                }
                break;
            case JsonValueKind.Object when type == SqlType.Geography:
                value = GeoJsonObjects.TryRead(e, out error);
                return value is not null;
        }
        error = $"a JSON {e.ValueKind.ToString().ToLowerInvariant()} ({Abbreviate(e.GetRawText())}) is not a {type.Name()}";
        return false;
    }

    public static void Write(Utf8JsonWriter w, object? value, bool geometryAsGeoJson)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case long l: w.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double d: w.WriteStringValue(NumberText.Float(d)); break;
            case decimal m: w.WriteNumberValue(m); break;
            case bool b: w.WriteBooleanValue(b); break;
            case string s: w.WriteStringValue(s); break;
            case Geometry g when geometryAsGeoJson: GeoJsonObjects.Write(w, g); break;
            default: w.WriteStringValue(DataValues.Format(value)); break;
        }
    }

    private static string Abbreviate(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
