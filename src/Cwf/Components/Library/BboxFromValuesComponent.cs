using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>native.bboxfromvalues</c>: one row, <c>geo</c> = the box from min/max lon/lat; a values source in .cwf.</summary>
public sealed class BboxFromValuesComponent : SourceComponent
{
    public override string Id => "native.bboxfromvalues";
    public override string Title => "BBox from values";
    public override ComponentCategory Category => ComponentCategory.GeographicTools;
    public override Seq<ComponentParameter> Parameters { get; } =
        [new("minx", ParameterKind.Number), new("miny", ParameterKind.Number), new("maxx", ParameterKind.Number), new("maxy", ParameterKind.Number)];

    public override ComponentDoc Doc { get; } = new(
        "`source name = values { geo: geography not null } [(st_makeenvelope(minx, miny, maxx, maxy))]`",
        "`Values`: one row, `st_makeenvelope(minx, miny, maxx, maxy)`",
        "`geo`");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Number("minx"), v.Number("miny"), v.Number("maxx"), v.Number("maxy")) is not ({ } minX, { } minY, { } maxX, { } maxY) || v.Failed) return;
        bool inRange = ComponentLowering.InRange(cx, v, "minx", minX, 180, "longitude") & ComponentLowering.InRange(cx, v, "maxx", maxX, 180, "longitude")
                     & ComponentLowering.InRange(cx, v, "miny", minY, 90, "latitude") & ComponentLowering.InRange(cx, v, "maxy", maxY, 90, "latitude");
        if (!inRange || !Ordered(cx, minX, maxX, "minx", "maxx") | !Ordered(cx, minY, maxY, "miny", "maxy")) return;
        cx.Output("result", ComponentLowering.OneGeography(cx, ExprFactory.Call(Functions.MakeEnvelope, minX, minY, maxX, maxY), cx.Step));
    }

    // A box whose minimum exceeds its maximum is a mistake, not an empty box (literal values only).
    private static bool Ordered(CanvasLoweringContext cx, Expr min, Expr max, string minName, string maxName)
    {
        if (min is not Literal { Value: long or double } a || max is not Literal { Value: long or double } b) return true;
        double low = Convert.ToDouble(a.Value, System.Globalization.CultureInfo.InvariantCulture), high = Convert.ToDouble(b.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (low <= high) return true;
        cx.Diagnostics.Report(DiagnosticCodes.CoordinateOutOfRange, cx.Values.LocationOf(minName),
            $"'{minName}' ({a}) is greater than '{maxName}' ({b})", $"swap them: '{minName}' is the west or south edge, '{maxName}' the east or north");
        return false;
    }

    public override StatementSyntax Decompile(ComponentDecompilingContext cx) => ComponentLowering.DecompileValues(cx, "result");
}
