using System.Globalization;
using System.Text;
using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// An inline GeoJSON FeatureCollection (or one Feature) read as constant rows for
/// <c>native.tablefromgeojson</c>: one row per feature, one column per property name (in order of
/// first appearance) and the geometry last, as <c>st_geogfromtext</c> of its WKT. A property's type is
/// int64 when every value is an integral number, float64 when every value is a number, bool or string
/// when every value is one; anything else (objects, arrays, mixed kinds) is text, non-strings as their
/// JSON. A missing or null value is NULL. Reading stops at the first problem, which it describes.
/// </summary>
internal sealed class GeoJsonFeatures
{
    /// <summary>Text longer than this is not inlined into SQL (warehouses cap statement sizes near 1 MB).</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>More features than this make a statement too large to be worth inlining.</summary>
    public const int MaxFeatures = 10_000;

    private GeoJsonFeatures(Schema schema, Seq<Seq<Expr>> rows)
    {
        Schema = schema;
        Rows = rows;
    }

    public Schema Schema { get; }
    public Seq<Seq<Expr>> Rows { get; }

    /// <summary>The table, or null and the problem in <paramref name="problem"/> (its code and what is wrong).</summary>
    public static GeoJsonFeatures? Read(string text, string geoColumn, out (DiagnosticDescriptor Code, string Message)? problem)
    {
        problem = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            problem = (DiagnosticCodes.InvalidGeoJson, $"it is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {FirstSentence(e.Message)}");
            return null;
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, geoColumn);
            }
            catch (GeoJsonException e)
            {
                problem = (e.Code, e.Message);
                return null;
            }
        }
    }

    private static GeoJsonFeatures Read(JsonElement root, string geoColumn)
    {
        var features = new List<JsonElement>();
        switch (TypeOf(root, "the document"))
        {
            case "FeatureCollection":
                if (!root.TryGetProperty("features", out var list) || list.ValueKind != JsonValueKind.Array)
                    throw new GeoJsonException("the FeatureCollection has no \"features\" array");
                features.AddRange(list.EnumerateArray());
                break;
            case "Feature":
                features.Add(root);
                break;
            case var other:
                throw new GeoJsonException($"the document is a \"{other}\", not a FeatureCollection or a Feature");
        }
        if (features.Count > MaxFeatures) throw new GeoJsonException($"it has {features.Count} features; at most {MaxFeatures} are inlined", DiagnosticCodes.GeoJsonTooLarge);

        // Property names in order of first appearance, and what their values hold.
        var names = new List<string>();
        var kinds = new Dictionary<string, PropertyKinds>(StringComparer.Ordinal);
        var geometries = new List<string?>(features.Count);
        for (int f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            string where = $"feature {f + 1}";
            if (TypeOf(feature, where) != "Feature") throw new GeoJsonException($"{where} is not a Feature");
            geometries.Add(feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind != JsonValueKind.Null
                ? Wkt(geometry, where) : null);
            if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind == JsonValueKind.Null) continue;
            if (properties.ValueKind != JsonValueKind.Object) throw new GeoJsonException($"the properties of {where} are not an object");
            foreach (var property in properties.EnumerateObject())
            {
                if (!kinds.TryGetValue(property.Name, out var seen))
                {
                    CheckName(property.Name, names, geoColumn, where);
                    names.Add(property.Name);
                    seen = PropertyKinds.None;
                }
                kinds[property.Name] = seen | KindOf(property.Value);
            }
        }

        var columns = names.Select(n => new Column(n, TypeOf(kinds[n]))).Append(new Column(geoColumn, SqlType.Geography, geometries.Contains(null))).ToSeq();
        var rows = new Seq<Expr>[features.Count];
        for (int f = 0; f < features.Count; f++)
        {
            var row = new Expr[columns.Count];
            bool hasProperties = features[f].TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
            for (int c = 0; c < names.Count; c++)
                row[c] = hasProperties && properties.TryGetProperty(names[c], out var value) ? Value(value, columns[c].Type) : Literal.Null(columns[c].Type);
            row[^1] = geometries[f] is { } wkt ? ExprFactory.Call(Functions.GeogFromText, Literal.String(wkt)) : Literal.Null(SqlType.Geography);
            rows[f] = row.ToSeq();
        }
        return new GeoJsonFeatures(new Schema(columns), rows.ToSeq());
    }

    private static void CheckName(string name, List<string> names, string geoColumn, string where)
    {
        if (name.Length == 0) throw new GeoJsonException($"{where} has a property with an empty name, which cannot be a column", DiagnosticCodes.GeoJsonPropertyName);
        if (string.Equals(name, geoColumn, StringComparison.OrdinalIgnoreCase))
            throw new GeoJsonException($"{where} has a property \"{Escaped(name)}\", the name of the geometry column", DiagnosticCodes.GeoJsonPropertyName);
        if (names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } other)
            throw new GeoJsonException($"{where} has the properties \"{Escaped(other)}\" and \"{Escaped(name)}\", one column name to a warehouse (names ignore case)", DiagnosticCodes.GeoJsonPropertyName);
    }

    [Flags]
    private enum PropertyKinds { None = 0, Integer = 1, Fraction = 2, String = 4, Bool = 8, Other = 16 }

    private static PropertyKinds KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => PropertyKinds.None,
        JsonValueKind.Number => value.TryGetInt64(out _) ? PropertyKinds.Integer
            : value.TryGetDouble(out var d) && double.IsFinite(d) ? PropertyKinds.Fraction : PropertyKinds.Other,
        JsonValueKind.String => PropertyKinds.String,
        JsonValueKind.True or JsonValueKind.False => PropertyKinds.Bool,
        _ => PropertyKinds.Other,
    };

    private static SqlType TypeOf(PropertyKinds kinds) => kinds switch
    {
        PropertyKinds.Integer => SqlType.Int64,
        PropertyKinds.Fraction or (PropertyKinds.Integer | PropertyKinds.Fraction) => SqlType.Float64,
        PropertyKinds.Bool => SqlType.Bool,
        _ => SqlType.String,
    };

    private static Literal Value(JsonElement value, SqlType type) => (value.ValueKind, type) switch
    {
        (JsonValueKind.Null, _) => Literal.Null(type),
        (_, SqlType.Int64) => Literal.Int(value.GetInt64()),
        (_, SqlType.Float64) => Literal.Float(value.GetDouble()),
        (_, SqlType.Bool) => Literal.Bool(value.GetBoolean()),
        (JsonValueKind.String, _) => Literal.String(value.GetString()!),
        _ => Literal.String(value.GetRawText()),
    };

    private static string TypeOf(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new GeoJsonException($"{what} is not a JSON object");
        if (!element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            throw new GeoJsonException($"{what} has no \"type\"");
        return type.GetString()!;
    }

    // ---------------------------------------------------------------------------------------
    // Geometry as WKT

    private static string Wkt(JsonElement geometry, string where)
    {
        var type = TypeOf(geometry, "the geometry of " + where);
        var sb = new StringBuilder();
        if (type == "GeometryCollection")
        {
            if (!geometry.TryGetProperty("geometries", out var members) || members.ValueKind != JsonValueKind.Array)
                throw new GeoJsonException($"the GeometryCollection of {where} has no \"geometries\" array");
            if (members.GetArrayLength() == 0) return "GEOMETRYCOLLECTION EMPTY";
            sb.Append("GEOMETRYCOLLECTION (");
            int i = 0;
            foreach (var member in members.EnumerateArray())
            {
                if (i++ > 0) sb.Append(", ");
                var memberType = TypeOf(member, "a member of the GeometryCollection of " + where);
                if (memberType == "GeometryCollection") throw new GeoJsonException($"the GeometryCollection of {where} holds another one, which cwf does not read");
                Simple(sb, member, memberType, where);
            }
            return sb.Append(')').ToString();
        }
        Simple(sb, geometry, type, where);
        return sb.ToString();
    }

    // Depth of the coordinates array for each simple type: 0 a position, 1 positions, 2 rings or lines, 3 polygons.
    private static void Simple(StringBuilder sb, JsonElement geometry, string type, string where)
    {
        int depth = type switch
        {
            "Point" => 0,
            "MultiPoint" or "LineString" => 1,
            "MultiLineString" or "Polygon" => 2,
            "MultiPolygon" => 3,
            _ => throw new GeoJsonException($"the geometry of {where} has the unknown type \"{Escaped(type)}\""),
        };
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            throw new GeoJsonException($"the {type} of {where} has no \"coordinates\" array");
        sb.Append(type.ToUpperInvariant()).Append(' ');
        if (coordinates.GetArrayLength() == 0)
        {
            sb.Append("EMPTY");
            return;
        }
        switch (depth)
        {
            case 0: sb.Append('('); Position(sb, coordinates, type, where); sb.Append(')'); break;
            // A multipoint's points are written (x y) each, the form every warehouse reads.
            case 1 when type == "MultiPoint": List(sb, coordinates, type, where, p => { sb.Append('('); Position(sb, p, type, where); sb.Append(')'); }); break;
            case 1: Positions(sb, coordinates, type, where); break;
            case 2: List(sb, coordinates, type, where, e => Positions(sb, e, type, where)); break;
            default: List(sb, coordinates, type, where, polygon => List(sb, polygon, type, where, ring => Positions(sb, ring, type, where))); break;
        }
    }

    private static void Positions(StringBuilder sb, JsonElement list, string type, string where) =>
        List(sb, list, type, where, p => Position(sb, p, type, where));

    private static void List(StringBuilder sb, JsonElement list, string type, string where, Action<JsonElement> item)
    {
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            throw new GeoJsonException($"the coordinates of the {type} of {where} are not nested as GeoJSON nests a {type}'s");
        sb.Append('(');
        int i = 0;
        foreach (var e in list.EnumerateArray())
        {
            if (i++ > 0) sb.Append(", ");
            item(e);
        }
        sb.Append(')');
    }

    // x y; a third ordinate (height) is dropped, as geographies are two-dimensional.
    private static void Position(StringBuilder sb, JsonElement position, string type, string where)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2 ||
            !(Finite(position[0]) is { } x && Finite(position[1]) is { } y) ||
            position.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number))
            throw new GeoJsonException($"a position of the {type} of {where} is not [longitude, latitude]");
        sb.Append(Number(x)).Append(' ').Append(Number(y));
    }

    private static double? Finite(JsonElement n) =>
        n.ValueKind == JsonValueKind.Number && n.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;

    private static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Escaped(string text) => JsonEncodedText.Encode(text).ToString();

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    // Ends the reading at the first problem; never leaves this class.
    private sealed class GeoJsonException(string message, DiagnosticDescriptor? code = null) : Exception(message)
    {
        public DiagnosticDescriptor Code { get; } = code ?? DiagnosticCodes.InvalidGeoJson;
    }
}
