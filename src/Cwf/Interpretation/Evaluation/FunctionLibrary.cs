using System.Collections.Frozen;
using System.Text;
using Cwf.Diagnostics;
using Cwf.Interpretation.Geo;
using Cwf.Interpretation.H3;
using Cwf.Ir;
using NetTopologySuite.Geometries;

namespace Cwf.Interpretation.Evaluation;

/// <summary>
/// The interpreter's implementation of every function in <see cref="Functions.All"/>. Each
/// receives its evaluated arguments; NULL handling follows the function's
/// <see cref="NullRule"/> (most return NULL when an argument is NULL, which the caller does
/// before calling). Semantics are PostgreSQL's unless the IR says otherwise (spec/interpreter.md).
/// </summary>
internal static class FunctionLibrary
{
    public delegate object? Implementation(object?[] args, SqlType resultType);

    private static readonly FrozenDictionary<string, Implementation> ByName = new Dictionary<string, Implementation>
    {
        // Strings (positions and lengths count Unicode code points, as PostgreSQL counts characters).
        ["upper"] = (a, _) => Str(a[0]).ToUpperInvariant(),
        ["lower"] = (a, _) => Str(a[0]).ToLowerInvariant(),
        ["length"] = (a, _) => (long)CodePointCount(Str(a[0])),
        ["trim"] = (a, _) => Str(a[0]).Trim(' '),
        ["ltrim"] = (a, _) => Str(a[0]).TrimStart(' '),
        ["rtrim"] = (a, _) => Str(a[0]).TrimEnd(' '),
        ["substr"] = (a, _) => Substring(Str(a[0]), (long)a[1]!, a.Length > 2 ? (long)a[2]! : null),
        ["replace"] = (a, _) => Str(a[1]).Length == 0 ? Str(a[0]) : Str(a[0]).Replace(Str(a[1]), Str(a[2]), StringComparison.Ordinal),
        ["concat"] = (a, _) => string.Concat(a.Select(Str)),
        ["starts_with"] = (a, _) => SqlValues.Bool(Str(a[0]).StartsWith(Str(a[1]), StringComparison.Ordinal)),
        ["ends_with"] = (a, _) => SqlValues.Bool(Str(a[0]).EndsWith(Str(a[1]), StringComparison.Ordinal)),
        ["strpos"] = (a, _) => Position(Str(a[0]), Str(a[1])),
        ["generate_uuid"] = (_, _) => Guid.NewGuid().ToString("D"),

        // Math
        ["abs"] = (a, _) => Abs(a[0]!),
        ["round"] = (a, _) => Rounding.Round(a[0]!, a.Length > 1 ? (long)a[1]! : 0),
        ["floor"] = (a, _) => a[0] switch { double d => Math.Floor(d), decimal m => decimal.Floor(m), var v => v },
        ["ceil"] = (a, _) => a[0] switch { double d => Math.Ceiling(d), decimal m => decimal.Ceiling(m), var v => v },
        ["sqrt"] = (a, _) => Num(a[0]) < 0
            ? throw Domain("cannot take square root of a negative number")
            : Math.Sqrt(Num(a[0])),
        ["power"] = (a, _) => Power(Num(a[0]), Num(a[1])),
        ["ln"] = (a, _) => Math.Log(Positive(Num(a[0]))),
        ["log10"] = (a, _) => Math.Log10(Positive(Num(a[0]))),
        ["exp"] = (a, _) => Exp(Num(a[0])),

        // Conditional: coalesce and nullif see NULL arguments themselves.
        ["coalesce"] = (a, t) => SqlValues.Widen(a.FirstOrDefault(v => v is not null), t),
        ["nullif"] = (a, t) => a[0] is null ? null
            : a[1] is not null && SqlValues.Compare(a[0]!, a[1]!) == 0 ? null
            : SqlValues.Widen(a[0], t),

        // Dates
        ["year"] = (a, _) => (long)DatePart(a[0]!).Year,
        ["month"] = (a, _) => (long)DatePart(a[0]!).Month,
        ["day"] = (a, _) => (long)DatePart(a[0]!).Day,
        ["quarter"] = (a, _) => (long)((DatePart(a[0]!).Month + 2) / 3),
        ["week"] = (a, _) => (long)System.Globalization.ISOWeek.GetWeekOfYear(DatePart(a[0]!)),
        ["day_of_week"] = (a, _) => DatePart(a[0]!).DayOfWeek is DayOfWeek.Sunday ? 7L : (long)DatePart(a[0]!).DayOfWeek,
        ["day_of_year"] = (a, _) => (long)DatePart(a[0]!).DayOfYear,
        ["hour"] = (a, _) => (long)DatePart(a[0]!).Hour,
        ["minute"] = (a, _) => (long)DatePart(a[0]!).Minute,
        ["second"] = (a, _) => (long)DatePart(a[0]!).Second,
        ["add_months"] = (a, _) => Calendar.AddMonths(a[0]!, (long)a[1]!),
        ["add_days"] = (a, _) => Calendar.AddDays(a[0]!, (long)a[1]!),
        ["add_seconds"] = (a, _) => Calendar.AddSeconds((DateTime)a[0]!, (long)a[1]!),
        ["date_diff_days"] = (a, _) => (long)(Calendar.DayNumber(a[1]!) - Calendar.DayNumber(a[0]!)),
        ["date_trunc_year"] = (a, _) => Calendar.Truncate(a[0]!, Functions.TruncYear),
        ["date_trunc_quarter"] = (a, _) => Calendar.Truncate(a[0]!, Functions.TruncQuarter),
        ["date_trunc_month"] = (a, _) => Calendar.Truncate(a[0]!, Functions.TruncMonth),
        ["date_trunc_week"] = (a, _) => Calendar.Truncate(a[0]!, Functions.TruncWeek),
        ["date_trunc_day"] = (a, _) => Calendar.Truncate(a[0]!, Functions.TruncDay),
        ["date_trunc_hour"] = (a, _) => Calendar.Truncate(a[0]!, Functions.TruncHour),
        ["date_trunc_minute"] = (a, _) => Calendar.Truncate(a[0]!, Functions.TruncMinute),

        // Spatial: predicates planar on lon/lat, measures geodesic (see Geography).
        ["st_point"] = (a, _) => Spatial(() => Geography.Point(Num(a[0]), Num(a[1]))),
        ["st_x"] = (a, _) => Spatial(() => Geography.X(Geo(a[0]))),
        ["st_y"] = (a, _) => Spatial(() => Geography.Y(Geo(a[0]))),
        ["st_astext"] = (a, _) => Wkt.Write(Geo(a[0])),
        ["st_geogfromtext"] = (a, _) => Spatial(() => Geography.Valid(Wkt.TryRead(Str(a[0]), out var error)
            ?? throw new InterpretationException(DiagnosticCodes.RuntimeGeographyFailed, $"st_geogfromtext: not well-known text: {error}"))),
        ["st_geogfromgeojson"] = (a, _) => Spatial(() => Geography.Valid(Geography.FromGeoJson(Str(a[0])))),
        ["st_buffer"] = (a, _) => Spatial(() => Geography.Buffer(Geo(a[0]), Num(a[1]))),
        ["st_centroid"] = (a, _) => Geography.Centroid(Geo(a[0])),
        ["st_area"] = (a, _) => Geography.Area(Geo(a[0])),
        ["st_length"] = (a, _) => Geography.Length(Geo(a[0])),
        ["st_distance"] = (a, _) => Spatial(() => Geography.Distance(Geo(a[0]), Geo(a[1]))),
        ["st_dwithin"] = (a, _) => Spatial(() => SqlValues.Bool(Geography.DWithin(Geo(a[0]), Geo(a[1]), Num(a[2])))),
        ["st_intersects"] = (a, _) => Spatial(() => SqlValues.Bool(Geography.Intersects(Geo(a[0]), Geo(a[1])))),
        ["st_contains"] = (a, _) => Spatial(() => SqlValues.Bool(Geography.Contains(Geo(a[0]), Geo(a[1])))),
        ["st_within"] = (a, _) => Spatial(() => SqlValues.Bool(Geography.Within(Geo(a[0]), Geo(a[1])))),
        ["st_covers"] = (a, _) => Spatial(() => SqlValues.Bool(Geography.Covers(Geo(a[0]), Geo(a[1])))),
        ["st_touches"] = (a, _) => Spatial(() => SqlValues.Bool(Geography.Touches(Geo(a[0]), Geo(a[1])))),

        // The geometry toolbox: as PostGIS computes each (Geography.Toolbox.cs).
        ["st_perimeter"] = (a, _) => Geography.Perimeter(Geo(a[0])),
        ["st_npoints"] = (a, _) => Geography.NumPoints(Geo(a[0])),
        ["st_numgeometries"] = (a, _) => Geography.NumGeometries(Geo(a[0])),
        ["st_geometrytype"] = (a, _) => Geography.GeometryType(Geo(a[0])),
        ["st_pointn"] = (a, _) => a[0] is null || a[1] is null ? null : Geography.PointN(Geo(a[0]), (long)a[1]!),
        ["st_makeline"] = (a, _) => Spatial(() => Geography.MakeLine(Geo(a[0]), Geo(a[1]))),
        ["st_makepolygon"] = (a, _) => Spatial(() => Geography.MakePolygon(Geo(a[0]))),
        ["st_envelope"] = (a, _) => Geography.Envelope(Geo(a[0])),
        ["st_makeenvelope"] = (a, _) => Spatial(() => Geography.MakeEnvelope(Num(a[0]), Num(a[1]), Num(a[2]), Num(a[3]))),
        ["st_asgeojson"] = (a, _) => Spatial(() => GeoJsonText(Geo(a[0]))),
        ["st_lineinterpolatepoint"] = (a, _) => Spatial(() => Geography.LineInterpolatePoint(Geo(a[0]), Num(a[1]))),
        ["st_destination"] = (a, _) => Spatial(() => Geography.Destination(Geo(a[0]), Num(a[1]), Num(a[2]))),
        ["st_intersection"] = (a, _) => Spatial(() => Geography.Intersection(Geo(a[0]), Geo(a[1]))),
        ["st_difference"] = (a, _) => Spatial(() => Geography.Difference(Geo(a[0]), Geo(a[1]))),
        ["st_boundary"] = (a, _) => Spatial(() => Geography.Boundary(Geo(a[0]))),
        ["st_convexhull"] = (a, _) => Geography.ConvexHull(Geo(a[0])),
        ["st_concavehull"] = (a, _) => Spatial(() => Geography.ConcaveHull(Geo(a[0]), Num(a[1]))),
        ["st_simplify"] = (a, _) => Spatial(() => Geography.Simplify(Geo(a[0]), Num(a[1]))),
        ["st_snaptogrid"] = (a, _) => Spatial(() => Geography.SnapToGrid(Geo(a[0]), Num(a[1]))),
        ["st_polygonize"] = (a, _) => Spatial(() => Geography.Polygonize(Geo(a[0]))),
        ["st_removeholes"] = (a, _) => Spatial(() => Geography.RemoveHoles(Geo(a[0]))),
        ["st_generatepoints"] = (a, _) => a[0] is null || a[1] is null || a[2] is null ? null : Geography.GeneratePoints(Geo(a[0]), (long)a[1]!, (long)a[2]!),
        ["st_gridpoints"] = (a, _) => a[0] is null || a[1] is null ? null : Geography.GridPoints(Geo(a[0]), Num(a[1])),

        // H3
        ["h3_from_point"] = (a, _) => H3FromPoint(Geo(a[0]), (long)a[1]!),
        ["h3_boundary"] = (a, _) => H3Boundary.Polygon(Str(a[0])),
        ["h3_center"] = (a, _) => CellFunctions.H3Center(Str(a[0])),
        ["h3_resolution"] = (a, _) => CellFunctions.H3Resolution(Str(a[0])),
        ["h3_is_valid"] = (a, _) => CellFunctions.H3IsValid(Str(a[0])),
        ["h3_to_parent"] = (a, _) => CellFunctions.H3ToParent(Str(a[0]), (long)a[1]!),
        ["h3_distance"] = (a, _) => a[0] is null || a[1] is null ? null : CellFunctions.H3Distance(Str(a[0]), Str(a[1])),

        // Quadbin
        ["quadbin_from_point"] = (a, _) => CellFunctions.QuadbinFromPoint(Geo(a[0]), (long)a[1]!),
        ["quadbin_boundary"] = (a, _) => CellFunctions.QuadbinBoundary((long)a[0]!),
        ["quadbin_center"] = (a, _) => CellFunctions.QuadbinCenter((long)a[0]!),
        ["quadbin_resolution"] = (a, _) => CellFunctions.QuadbinResolution((long)a[0]!),
        ["quadbin_to_parent"] = (a, _) => CellFunctions.QuadbinToParent((long)a[0]!, (long)a[1]!),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The implementation of a function; null only for a function this library lacks (a test checks there is
    /// none but the clock's, which <see cref="Interpreter.Run"/> fixes to literals before any step runs).
    /// </summary>
    public static Implementation? Find(BuiltinFunction function) => ByName.GetValueOrDefault(function.Name);

    private static string Str(object? value) => (string)value!;
    private static Geometry Geo(object? value) => (Geometry)value!;
    private static double Num(object? value) => SqlValues.ToDouble(value!);

    private static int CodePointCount(string s)
    {
        int count = 0;
        foreach (var _ in s.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>PostgreSQL's substr: the characters at 1-based positions [start, start + length), clipped to the string.</summary>
    private static string Substring(string s, long start, long? length)
    {
        if (length < 0) throw Domain("negative substring length not allowed");
        var runes = s.EnumerateRunes().ToArray();
        long from = Math.Max(start, 1);
        long to = runes.Length + 1;
        if (length is { } n) to = Math.Min(to, start > long.MaxValue - n ? long.MaxValue : start + n);
        if (to <= from) return "";
        var sb = new StringBuilder();
        for (long i = from; i < to; i++) sb.Append(runes[i - 1].ToString());
        return sb.ToString();
    }

    private static object Position(string s, string sub)
    {
        int index = s.IndexOf(sub, StringComparison.Ordinal);
        return index < 0 ? 0L : (long)CodePointCount(s[..index]) + 1;
    }

    private static object Abs(object value) => value switch
    {
        long l when l == long.MinValue => throw Arithmetic.Overflow(SqlType.Int64),
        long l => Math.Abs(l),
        double d => Math.Abs(d),
        decimal m => Math.Abs(m),
        _ => throw new InvalidOperationException($"abs of {value.GetType().Name}"),
    };

    private static double Power(double x, double y)
    {
        if (x == 0 && y < 0) throw Domain("zero raised to a negative power is undefined");
        if (x < 0 && Math.Floor(y) != y) throw Domain("a negative number raised to a non-integer power yields a complex result");
        double result = Math.Pow(x, y);
        if (double.IsInfinity(result) && double.IsFinite(x) && double.IsFinite(y)) throw Arithmetic.Overflow(SqlType.Float64);
        if (result == 0 && x != 0 && double.IsFinite(x) && double.IsFinite(y)) throw Underflow();
        return result;
    }

    private static double Exp(double x)
    {
        double result = Math.Exp(x);
        if (double.IsInfinity(result) && double.IsFinite(x)) throw Arithmetic.Overflow(SqlType.Float64);
        if (result == 0 && double.IsFinite(x)) throw Underflow();
        return result;
    }

    private static double Positive(double x) => x switch
    {
        0 => throw Domain("cannot take logarithm of zero"),
        < 0 => throw Domain("cannot take logarithm of a negative number"),
        _ => x,
    };

    private static DateTime DatePart(object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t,
        _ => throw new InvalidOperationException($"date part of {value.GetType().Name}"),
    };

    /// <summary>The H3 cell of a point as a hex string; NULL for an empty point or a geometry that is not a point.</summary>
    private static object? H3FromPoint(Geometry g, long resolution)
    {
        if (resolution is < 0 or > H3Index.MaxResolution)
            throw Domain($"h3 resolution must be between 0 and {H3Index.MaxResolution}, got {resolution}");
        if (g is not Point p || p.IsEmpty) return null;
        return H3Index.FromLatLng(p.Y, p.X, (int)resolution) is { } cell ? H3Index.ToHexString(cell) : null;
    }

    private static string GeoJsonText(Geometry g)
    {
        if (g.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y)))
            throw new GeographyException("st_asgeojson: GeoJSON cannot hold a non-finite coordinate");
        return GeoJson.ToText(g);
    }

    /// <summary>Runs a spatial operation; its failure is a runtime error of the step (CWF7005).</summary>
    internal static object? Spatial(Func<object?> operation)
    {
        try
        {
            return operation();
        }
        catch (GeographyException e)
        {
            throw SpatialFailed(e);
        }
    }

    /// <summary>A spatial operation's failure as the step's runtime error (CWF7005).</summary>
    internal static InterpretationException SpatialFailed(GeographyException e) => new(DiagnosticCodes.RuntimeGeographyFailed, e.Message);

    private static InterpretationException Domain(string message) => new(DiagnosticCodes.RuntimeInvalidArgument, message);

    private static InterpretationException Underflow() => new(DiagnosticCodes.RuntimeOverflow, "float64 value out of range: underflow");
}
