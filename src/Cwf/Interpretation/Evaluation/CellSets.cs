using Cwf.Diagnostics;
using Cwf.Interpretation.Geo;
using Cwf.Interpretation.H3;
using Cwf.Interpretation.Quadbin;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// The set-returning H3 and Quadbin functions of the explode step (spec/interpreter.md, "H3" and "Quadbin"):
/// each element with its distance from the origin (0 where the set has none). A text that is not an H3 cell,
/// or a number that is not a Quadbin cell, gives no element, as the toolbox's NULL array gives no row; a
/// resolution or k out of range, or a set too large to hold, is an error of the step (CWF7004).
/// </summary>
internal static class CellSets
{
    /// <summary>The most elements one row may make; a warehouse's array would not hold more either.</summary>
    public const int MaxElements = 5_000_000;

    /// <summary>The largest k: a k-ring of 1,000 has 3,003,001 H3 cells.</summary>
    public const int MaxK = 1_000;

    public static IEnumerable<(object, long)> H3Polyfill(Geometry g, long resolution, CellContainment mode)
    {
        CheckRange("h3 resolution", resolution, H3Index.MaxResolution);
        return H3.H3Polyfill.Cells(g, (int)resolution, mode, MaxElements).Select(c => ((object)H3Index.ToHexString(c), 0L));
    }

    public static IEnumerable<(object, long)> H3KRing(string text, long k)
    {
        CheckRange("k", k, MaxK);
        return H3Index.TryParse(text, out var cell) ? H3Grid.Disk(cell, (int)k).Select(p => ((object)H3Index.ToHexString(p.Cell), (long)p.Distance)) : [];
    }

    /// <summary>None for a resolution coarser than the cell's own.</summary>
    public static IEnumerable<(object, long)> H3Children(string text, long resolution)
    {
        CheckRange("h3 resolution", resolution, H3Index.MaxResolution);
        if (!H3Index.TryParse(text, out var cell) || resolution < H3Index.Resolution(cell)) return [];
        CheckCount(H3Grid.ChildCount(cell, (int)resolution));
        return H3Grid.Children(cell, (int)resolution).Select(c => ((object)H3Index.ToHexString(c), 0L));
    }

    public static IEnumerable<(object, long)> QuadbinPolyfill(Geometry g, long resolution, CellContainment mode)
    {
        CheckRange("quadbin resolution", resolution, QuadbinIndex.MaxResolution);
        return QuadbinGrid.Polyfill(g, (int)resolution, mode, MaxElements).Select(c => ((object)c, 0L));
    }

    public static IEnumerable<(object, long)> QuadbinKRing(long cell, long k)
    {
        CheckRange("k", k, MaxK);
        return QuadbinIndex.IsValid(cell) ? QuadbinGrid.KRing(cell, (int)k).Select(p => ((object)p.Cell, (long)p.Distance)) : [];
    }

    /// <summary>None for a resolution coarser than the tile's own.</summary>
    public static IEnumerable<(object, long)> QuadbinChildren(long cell, long resolution)
    {
        CheckRange("quadbin resolution", resolution, QuadbinIndex.MaxResolution);
        if (!QuadbinIndex.IsValid(cell) || resolution < QuadbinIndex.Resolution(cell)) return [];
        int levels = (int)resolution - QuadbinIndex.Resolution(cell);
        CheckCount(levels > 15 ? long.MaxValue : 1L << (2 * levels));
        return QuadbinGrid.Children(cell, (int)resolution).Select(c => ((object)c, 0L));
    }

    private static void CheckRange(string what, long value, int max)
    {
        if (value < 0 || value > max)
            throw new InterpretationException(DiagnosticCodes.RuntimeInvalidArgument, $"{what} must be between 0 and {max}, got {value}");
    }

    private static void CheckCount(long count)
    {
        if (count > MaxElements)
            throw new InterpretationException(DiagnosticCodes.RuntimeInvalidArgument,
                $"the cell would have {count:N0} children, more than the {MaxElements:N0} one row may make", "choose a resolution nearer the cell's own");
    }
}
