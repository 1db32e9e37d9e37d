using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.tablefromgeojson</c>: an inline GeoJSON FeatureCollection as a table, one row per feature
/// (<see cref="GeoJsonFeatures"/>); a values source in .cwf.
/// </summary>
public sealed class TableFromGeoJsonComponent : SourceComponent
{
    public override string Id => "native.tablefromgeojson";
    public override string Title => "Table from GeoJSON";
    public override ComponentCategory Category => ComponentCategory.Parsers;
    public override Seq<ComponentParameter> Parameters { get; } = [new("geojson", ParameterKind.String)];

    public override ComponentDoc Doc { get; } = new(
        "`source name = values { property: type, ..., geo: geography } [(..., st_geogfromtext('WKT')), ...]`",
        "`Values`: one row per feature, the properties' inferred types, the geometry as WKT",
        "the properties + `geo`");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Text("geojson") is not { } text || cx.Values.Failed) return;
        var location = cx.Values.LocationOf("geojson");
        if (text.Length > GeoJsonFeatures.MaxLength)
        {
            cx.Diagnostics.Report(DiagnosticCodes.GeoJsonTooLarge, location,
                $"the GeoJSON has {text.Length:N0} characters; at most {GeoJsonFeatures.MaxLength:N0} are inlined into the SQL",
                "load the features into a table and read it with a source (ReadTable)");
            return;
        }
        if (GeoJsonFeatures.Read(text, ComponentLowering.GeoColumn, out var problem) is not { } table)
        {
            var (code, message) = problem!.Value;
            cx.Diagnostics.Report(code, location, $"the GeoJSON of '{cx.Step.Name}' cannot be read: {message}",
                code == DiagnosticCodes.GeoJsonPropertyName ? "rename the property in the GeoJSON"
                : code == DiagnosticCodes.GeoJsonTooLarge ? "load the features into a table and read it with a source (ReadTable)"
                : "give a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": ..., \"properties\": {...}}]}");
            return;
        }
        cx.Output("result", ComponentLowering.Values(cx, table.Schema, table.Rows, cx.Step));
    }

    public override StatementSyntax Decompile(ComponentDecompilingContext cx) => ComponentLowering.DecompileValues(cx, "result");
}
