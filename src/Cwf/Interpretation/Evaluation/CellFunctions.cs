using Cwf.Diagnostics;
using Cwf.Interpretation.Geo;
using Cwf.Interpretation.H3;
using Cwf.Interpretation.Quadbin;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// The H3 and Quadbin functions over cell ids (spec/interpreter.md, "H3" and "Quadbin"): a text that
/// is not an H3 cell, or a number that is not a Quadbin cell, gives NULL, as the toolbox's functions do;
/// a resolution outside the grid's range is an error of the step (CWF7004).
/// </summary>
internal static class CellFunctions
{
    public static object? H3Center(string text) =>
        H3Index.TryParse(text, out var cell) && H3Index.Center(cell) is var (lat, lng) ? Point(lng, lat) : null;

    public static object? H3Resolution(string text) => H3Index.TryParse(text, out var cell) ? (long)H3Index.Resolution(cell) : null;

    /// <summary>Strict: blanks around the id make it no cell (the other functions read such text, as they always have).</summary>
    public static object H3IsValid(string text) => SqlValues.Bool(text.Length == text.Trim().Length && H3Index.TryParse(text, out _));

    /// <summary>NULL for a resolution finer than the cell's own.</summary>
    public static object? H3ToParent(string text, long resolution)
    {
        CheckResolution("h3", resolution, H3Index.MaxResolution);
        return H3Index.TryParse(text, out var cell) && resolution <= H3Index.Resolution(cell)
            ? H3Index.ToHexString(H3Index.ToParent(cell, (int)resolution))
            : null;
    }

    /// <summary>NULL for text that is no cell, cells of different resolutions, and where H3 cannot tell (H3Grid.Distance).</summary>
    public static object? H3Distance(string a, string b) =>
        H3Index.TryParse(a, out var from) && H3Index.TryParse(b, out var to) ? H3Grid.Distance(from, to) : null;

    /// <summary>NULL for an empty point or a geometry that is not a point.</summary>
    public static object? QuadbinFromPoint(Geometry g, long resolution)
    {
        CheckResolution("quadbin", resolution, QuadbinIndex.MaxResolution);
        return g is Point { IsEmpty: false } p ? QuadbinIndex.FromLongLat(p.X, p.Y, (int)resolution) : null;
    }

    /// <summary>The tile's box, counter-clockwise from its north-west corner (as BigQuery's toolbox writes it).</summary>
    public static object? QuadbinBoundary(long cell)
    {
        if (!QuadbinIndex.IsValid(cell)) return null;
        var (west, south, east, north) = QuadbinIndex.Bounds(cell);
        return Geography.Factory.CreatePolygon([new(west, north), new(west, south), new(east, south), new(east, north), new(west, north)]);
    }

    public static object? QuadbinCenter(long cell) =>
        QuadbinIndex.IsValid(cell) && QuadbinIndex.Center(cell) is var (lng, lat) ? Point(lng, lat) : null;

    public static object? QuadbinResolution(long cell) => QuadbinIndex.IsValid(cell) ? (long)QuadbinIndex.Resolution(cell) : null;

    /// <summary>NULL for a resolution finer than the cell's own.</summary>
    public static object? QuadbinToParent(long cell, long resolution)
    {
        CheckResolution("quadbin", resolution, QuadbinIndex.MaxResolution);
        return QuadbinIndex.IsValid(cell) && resolution <= QuadbinIndex.Resolution(cell) ? QuadbinIndex.ToParent(cell, (int)resolution) : null;
    }

    private static Point Point(double lng, double lat) => Geography.Factory.CreatePoint(new Coordinate(lng, lat));

    private static void CheckResolution(string grid, long resolution, int max)
    {
        if (resolution < 0 || resolution > max)
            throw new InterpretationException(DiagnosticCodes.RuntimeInvalidArgument, $"{grid} resolution must be between 0 and {max}, got {resolution}");
    }
}
