using System.Text.Json;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.geogfromstatictext</c>: one row, <c>geo</c> = the geography of a text, GeoJSON or WKT (the product's manual
/// first said "Geography as text", its latest revision "Geography as GeoJSON text"); a values source in .cwf.
/// </summary>
public sealed class GeogFromStaticTextComponent : SourceComponent
{
    private static readonly HashSet<string> GeometryTypes =
        ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon", "GeometryCollection"];

    public override string Id => "native.geogfromstatictext";
    public override string Title => "Geography from static text";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } = [new("text", ParameterKind.String)];

    public override ComponentDoc Doc { get; } = new(
        "`source name = values { geo: geography not null } [(st_geogfromgeojson('{...}'))]`, or `st_geogfromtext('WKT')`",
        "`Values`: one row, `st_geogfromgeojson(text)` when the text opens with `{`, else `st_geogfromtext(text)`",
        "`geo`");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Text("text") is not { } text || cx.Values.Failed) return;
        // The form is decided by the first character that is not blank: an object is GeoJSON, a type name WKT.
        var start = text.AsSpan().TrimStart();
        BuiltinFunction parser;
        if (start.StartsWith("{"))
        {
            if (GeoJsonProblem(text) is { } problem)
            {
                Report(cx, $"the text of '{cx.Step.Name}' opens with '{{' but is not a GeoJSON geometry object: {problem}");
                return;
            }
            parser = Functions.GeogFromGeoJson;
        }
        else if (!start.IsEmpty && char.IsAsciiLetter(start[0]))
        {
            parser = Functions.GeogFromText;
        }
        else
        {
            Report(cx, $"the text of '{cx.Step.Name}' is neither GeoJSON (an object, opening with '{{') nor well-known text (opening with a type such as POLYGON)");
            return;
        }
        cx.Output("result", ComponentLowering.OneGeography(cx, ExprFactory.Call(parser, Literal.String(text)), cx.Step));
    }

    public override StatementSyntax Decompile(ComponentDecompilingContext cx) => ComponentLowering.DecompileValues(cx, "result");

    private static void Report(CanvasLoweringContext cx, string message) =>
        cx.Diagnostics.Report(DiagnosticCodes.GeographyTextForm, cx.Values.LocationOf("text"), message,
            "give a GeoJSON geometry such as {\"type\": \"Point\", \"coordinates\": [2.35, 48.85]} or well-known text such as POINT(2.35 48.85)");

    /// <summary>
    /// What keeps the text from being a GeoJSON geometry object at its top level (JSON, an object, a geometry type),
    /// or null; its coordinates are read where the workflow runs, as well-known text is.
    /// </summary>
    private static string? GeoJsonProblem(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                return "it has no \"type\"";
            var name = type.GetString()!;
            if (name is "Feature" or "FeatureCollection")
                return $"a {name} is not a geometry (give its \"geometry\", or read features with Table from GeoJSON)";
            return GeometryTypes.Contains(name) ? null : $"\"{name}\" is not a GeoJSON geometry type";
        }
        catch (JsonException e)
        {
            return $"it is not valid JSON ({e.Message})";
        }
    }
}
