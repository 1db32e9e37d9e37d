using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

public static partial class ComponentLowering
{
    /// <summary><c>native.buffer</c>: adds <c>&lt;geo&gt;_buffer</c> = geodesic buffer of the given distance (in meters after conversion).</summary>
    public static int? Buffer(LoweringContext cx, int input, ColumnArg geo, Expr distanceMeters, Location distanceLocation, StepInfo step, string? outputName = null)
    {
        var g = cx.ResolveGeography(input, geo);
        if (!distanceMeters.Type.IsNumeric() && distanceMeters.Type != SqlType.Unknown)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidDistance, distanceLocation,
                $"the buffer distance is {distanceMeters.Type.Name()}, not a number", "write a number with a unit, e.g. 300 m");
            return null;
        }
        if (g is null) return null;
        return cx.AddColumn(input, outputName ?? g.Name + "_buffer", ExprFactory.Call(Functions.Buffer, ExprFactory.Column(g), distanceMeters), step);
    }

    /// <summary><c>native.centroid</c>: adds <c>&lt;geo&gt;_centroid</c>.</summary>
    public static int? Centroid(LoweringContext cx, int input, ColumnArg geo, StepInfo step, string? outputName = null) =>
        cx.ResolveGeography(input, geo) is { } g
            ? cx.AddColumn(input, outputName ?? g.Name + "_centroid", ExprFactory.Call(Functions.Centroid, ExprFactory.Column(g)), step)
            : null;

    /// <summary><c>native.area</c>: adds <c>&lt;geo&gt;_area</c> (float64) in the given unit.</summary>
    public static int? Area(LoweringContext cx, int input, ColumnArg geo, AreaUnit unit, StepInfo step, string? outputName = null) =>
        cx.ResolveGeography(input, geo) is { } g
            ? cx.AddColumn(input, outputName ?? g.Name + "_area", Units.FromSquareMeters(ExprFactory.Call(Functions.Area, ExprFactory.Column(g)), unit), step)
            : null;

    /// <summary><c>native.distance</c>: adds <c>distance</c> (float64), geodesic, in the given unit.</summary>
    public static int? Distance(LoweringContext cx, int input, ColumnArg geo1, ColumnArg geo2, LengthUnit unit, StepInfo step, string? outputName = null)
    {
        var a = cx.ResolveGeography(input, geo1);
        var b = cx.ResolveGeography(input, geo2);
        if (a is null || b is null) return null;
        var meters = ExprFactory.Call(Functions.Distance, ExprFactory.Column(a), ExprFactory.Column(b));
        return cx.AddColumn(input, outputName ?? "distance", Units.FromMeters(meters, unit), step);
    }

    /// <summary><c>native.geogpoint</c>: adds <c>geom</c> = point(longitude, latitude).</summary>
    public static int? GeogPoint(LoweringContext cx, int input, ColumnArg latitude, ColumnArg longitude, StepInfo step, string? outputName = null)
    {
        var lat = cx.ResolveNumeric(input, latitude);
        var lon = cx.ResolveNumeric(input, longitude);
        if (lat is null || lon is null) return null;
        return cx.AddColumn(input, outputName ?? "geom", ExprFactory.Call(Functions.Point, ExprFactory.Column(lon), ExprFactory.Column(lat)), step);
    }

    /// <summary><c>native.h3frompoint</c>: adds <c>h3</c> (string cell id) at a resolution 0-15.</summary>
    public static int? H3FromPoint(LoweringContext cx, int input, ColumnArg point, Expr resolution, Location resolutionLocation, StepInfo step, string? outputName = null)
    {
        var g = cx.ResolveGeography(input, point);
        bool validResolution = resolution switch
        {
            Literal { Value: long r } => r is >= 0 and <= 15,
            ParamRef { Type: SqlType.Int64 } => true,
            _ => false,
        };
        if (!validResolution)
        {
            cx.Diagnostics.Report(DiagnosticCodes.InvalidResolution, resolutionLocation,
                $"the H3 resolution must be an integer from 0 to 15, found {resolution}", "typical values: 7 (about 5 km²) to 10 (about 0.015 km²)");
            return null;
        }
        if (g is null) return null;
        return cx.AddColumn(input, outputName ?? "h3", ExprFactory.Call(Functions.H3FromPoint, ExprFactory.Column(g), resolution), step);
    }

    /// <summary><c>native.h3boundary</c>: adds <c>&lt;h3&gt;_geo</c>, the cell's polygon.</summary>
    public static int? H3Boundary(LoweringContext cx, int input, ColumnArg cell, StepInfo step, string? outputName = null) =>
        cx.Resolve(input, cell, t => t == SqlType.String, "a string column of H3 cell ids") is { } c
            ? cx.AddColumn(input, outputName ?? c.Name + "_geo", ExprFactory.Call(Functions.H3Boundary, ExprFactory.Column(c)), step)
            : null;
}
