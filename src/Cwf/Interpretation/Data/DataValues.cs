using System.Globalization;
using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using Cwf.Text;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Data;

/// <summary>
/// Values as text in data files: parsing by the column's type (the same rules as CAST from
/// string, plus GeoJSON for geography) and an exact, round-trippable text for writing
/// (shortest round-trip digits for doubles and coordinates, 100 ns timestamps).
/// </summary>
internal static class DataValues
{
    public static bool TryParse(string text, SqlType type, out object? value, out string? error)
    {
        error = null;
        value = null;
        if (type is SqlType.String or SqlType.Unknown)
        {
            value = text;
            return true;
        }
        if (type == SqlType.Geography && text.TrimStart().StartsWith('{'))
        {
            using var doc = JsonInput.Parse(SourceText.From(text), new System.Text.Json.JsonDocumentOptions(), out var problem);
            if (doc is null)
            {
                error = "not GeoJSON: " + problem!.Message;
                return false;
            }
            value = GeoJsonObjects.TryRead(doc.RootElement, out error);
            return value is not null;
        }
        try
        {
            value = Casts.Cast(text, type);
            return true;
        }
        catch (InterpretationException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>The exact text of a non-NULL value.</summary>
    public static string Format(object value) => value switch
    {
        Geometry g => Wkt.WriteExact(g),
        DateTime t => ExactTimestamp(t),
        _ => SqlValues.ToText(value),
    };

    private static string ExactTimestamp(DateTime t)
    {
        var text = t.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        return text.EndsWith('.') ? text[..^1] : text;
    }
}
