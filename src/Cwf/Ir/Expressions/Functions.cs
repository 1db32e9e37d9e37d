using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Cwf.Ir;

/// <summary>The catalog of portable functions (see spec/ir.md for their exact semantics).</summary>
public static class Functions
{
    private static BuiltinFunction Fn(string name, FunctionCategory category, SqlType result, string description, params ArgKind[] args) =>
        new(name, category, [.. args], args.Length, false, ResultRule.Fixed, result, NullRule.AnyArg, description);

    // Strings
    public static BuiltinFunction Upper { get; } = Fn("upper", FunctionCategory.String, SqlType.String, "upper-case", ArgKind.String);
    public static BuiltinFunction Lower { get; } = Fn("lower", FunctionCategory.String, SqlType.String, "lower-case", ArgKind.String);
    public static BuiltinFunction Length { get; } = Fn("length", FunctionCategory.String, SqlType.Int64, "number of characters", ArgKind.String);
    public static BuiltinFunction Trim { get; } = Fn("trim", FunctionCategory.String, SqlType.String, "remove leading and trailing spaces", ArgKind.String);
    public static BuiltinFunction LTrim { get; } = Fn("ltrim", FunctionCategory.String, SqlType.String, "remove leading spaces", ArgKind.String);
    public static BuiltinFunction RTrim { get; } = Fn("rtrim", FunctionCategory.String, SqlType.String, "remove trailing spaces", ArgKind.String);
    public static BuiltinFunction Substr { get; } = Fn("substr", FunctionCategory.String, SqlType.String, "substr(s, start, length?): 1-based substring", ArgKind.String, ArgKind.Integer, ArgKind.Integer) with { MinArgs = 2 };
    public static BuiltinFunction Replace { get; } = Fn("replace", FunctionCategory.String, SqlType.String, "replace(s, from, to): replace every occurrence", ArgKind.String, ArgKind.String, ArgKind.String);
    public static BuiltinFunction Concat { get; } = Fn("concat", FunctionCategory.String, SqlType.String, "concat(a, b, ...): NULL if any argument is NULL", ArgKind.String, ArgKind.String) with { Variadic = true };
    public static BuiltinFunction StartsWith { get; } = Fn("starts_with", FunctionCategory.String, SqlType.Bool, "starts_with(s, prefix)", ArgKind.String, ArgKind.String);
    public static BuiltinFunction EndsWith { get; } = Fn("ends_with", FunctionCategory.String, SqlType.Bool, "ends_with(s, suffix)", ArgKind.String, ArgKind.String);
    public static BuiltinFunction StrPos { get; } = Fn("strpos", FunctionCategory.String, SqlType.Int64, "strpos(s, sub): 1-based position of sub, 0 when absent", ArgKind.String, ArgKind.String);

    // Math
    public static BuiltinFunction Abs { get; } = Fn("abs", FunctionCategory.Math, SqlType.Unknown, "absolute value", ArgKind.Numeric) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction Round { get; } = Fn("round", FunctionCategory.Math, SqlType.Unknown, "round(x, digits?): half away from zero", ArgKind.Numeric, ArgKind.Integer) with { MinArgs = 1, Result = ResultRule.SameAsFirst };
    public static BuiltinFunction Floor { get; } = Fn("floor", FunctionCategory.Math, SqlType.Unknown, "largest integral value not above x", ArgKind.Numeric) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction Ceil { get; } = Fn("ceil", FunctionCategory.Math, SqlType.Unknown, "smallest integral value not below x", ArgKind.Numeric) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction Sqrt { get; } = Fn("sqrt", FunctionCategory.Math, SqlType.Float64, "square root", ArgKind.Numeric);
    public static BuiltinFunction Power { get; } = Fn("power", FunctionCategory.Math, SqlType.Float64, "power(x, y) = x^y", ArgKind.Numeric, ArgKind.Numeric);
    public static BuiltinFunction Ln { get; } = Fn("ln", FunctionCategory.Math, SqlType.Float64, "natural logarithm", ArgKind.Numeric);
    public static BuiltinFunction Log10 { get; } = Fn("log10", FunctionCategory.Math, SqlType.Float64, "base-10 logarithm", ArgKind.Numeric);
    public static BuiltinFunction Exp { get; } = Fn("exp", FunctionCategory.Math, SqlType.Float64, "e^x", ArgKind.Numeric);

    // Conditional
    public static BuiltinFunction Coalesce { get; } = new("coalesce", FunctionCategory.Conditional, [ArgKind.Common], 1, true, ResultRule.CommonOfArgs, SqlType.Unknown, NullRule.AllArgs, "first non-NULL argument");
    public static BuiltinFunction NullIf { get; } = new("nullif", FunctionCategory.Conditional, [ArgKind.Common, ArgKind.Common], 2, false, ResultRule.CommonOfArgs, SqlType.Unknown, NullRule.Always, "nullif(a, b): NULL when a = b, else a");

    // Dates
    public static BuiltinFunction Year { get; } = Fn("year", FunctionCategory.Date, SqlType.Int64, "calendar year of a date or timestamp", ArgKind.Temporal);
    public static BuiltinFunction Month { get; } = Fn("month", FunctionCategory.Date, SqlType.Int64, "month 1-12", ArgKind.Temporal);
    public static BuiltinFunction Day { get; } = Fn("day", FunctionCategory.Date, SqlType.Int64, "day of month 1-31", ArgKind.Temporal);
    public static BuiltinFunction Quarter { get; } = Fn("quarter", FunctionCategory.Date, SqlType.Int64, "quarter 1-4", ArgKind.Temporal);
    public static BuiltinFunction Week { get; } = Fn("week", FunctionCategory.Date, SqlType.Int64, "ISO 8601 week of the year 1-53 (weeks start on Monday)", ArgKind.Temporal);
    public static BuiltinFunction DayOfWeek { get; } = Fn("day_of_week", FunctionCategory.Date, SqlType.Int64, "ISO day of the week: 1 Monday ... 7 Sunday", ArgKind.Temporal);
    public static BuiltinFunction DayOfYear { get; } = Fn("day_of_year", FunctionCategory.Date, SqlType.Int64, "day of the year 1-366", ArgKind.Temporal);
    public static BuiltinFunction Hour { get; } = Fn("hour", FunctionCategory.Date, SqlType.Int64, "hour 0-23 of a timestamp", ArgKind.Timestamp);
    public static BuiltinFunction Minute { get; } = Fn("minute", FunctionCategory.Date, SqlType.Int64, "minute 0-59 of a timestamp", ArgKind.Timestamp);
    public static BuiltinFunction Second { get; } = Fn("second", FunctionCategory.Date, SqlType.Int64, "whole seconds 0-59 of a timestamp (the fraction dropped)", ArgKind.Timestamp);
    // Date arithmetic: an interval is months, days or seconds (as PostgreSQL's interval is), so three functions add any.
    public static BuiltinFunction AddMonths { get; } = Fn("add_months", FunctionCategory.Date, SqlType.Unknown, "add_months(x, n): n calendar months later, the day clamped to the month's last (Jan 31 + 1 month = Feb 28/29)", ArgKind.Temporal, ArgKind.Integer) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction AddDays { get; } = Fn("add_days", FunctionCategory.Date, SqlType.Unknown, "add_days(x, n): n days later", ArgKind.Temporal, ArgKind.Integer) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction AddSeconds { get; } = Fn("add_seconds", FunctionCategory.Date, SqlType.Timestamp, "add_seconds(ts, n): n seconds later", ArgKind.Timestamp, ArgKind.Integer);
    public static BuiltinFunction DateDiffDays { get; } = Fn("date_diff_days", FunctionCategory.Date, SqlType.Int64, "date_diff_days(start, end): midnights crossed from start to end (negative when end is earlier)", ArgKind.Temporal, ArgKind.Temporal);
    public static BuiltinFunction TruncYear { get; } = Fn("date_trunc_year", FunctionCategory.Date, SqlType.Unknown, "the first instant of the year", ArgKind.Temporal) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction TruncQuarter { get; } = Fn("date_trunc_quarter", FunctionCategory.Date, SqlType.Unknown, "the first instant of the quarter", ArgKind.Temporal) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction TruncMonth { get; } = Fn("date_trunc_month", FunctionCategory.Date, SqlType.Unknown, "the first instant of the month", ArgKind.Temporal) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction TruncWeek { get; } = Fn("date_trunc_week", FunctionCategory.Date, SqlType.Unknown, "the first instant of the ISO week (Monday)", ArgKind.Temporal) with { Result = ResultRule.SameAsFirst };
    public static BuiltinFunction TruncDay { get; } = Fn("date_trunc_day", FunctionCategory.Date, SqlType.Timestamp, "midnight of the timestamp's day", ArgKind.Timestamp);
    public static BuiltinFunction TruncHour { get; } = Fn("date_trunc_hour", FunctionCategory.Date, SqlType.Timestamp, "the start of the timestamp's hour", ArgKind.Timestamp);
    public static BuiltinFunction TruncMinute { get; } = Fn("date_trunc_minute", FunctionCategory.Date, SqlType.Timestamp, "the start of the timestamp's minute", ArgKind.Timestamp);
    // The time of the run (UTC); fixed by --now / CompileOptions.Now / InterpreterOptions.Now.
    public static BuiltinFunction CurrentDate { get; } = Fn("current_date", FunctionCategory.Date, SqlType.Date, "the date of the run (UTC)") with { Nulls = NullRule.Never };
    public static BuiltinFunction CurrentTimestamp { get; } = Fn("current_timestamp", FunctionCategory.Date, SqlType.Timestamp, "the time of the run (UTC, without time zone)") with { Nulls = NullRule.Never };

    // Identifiers: a fresh random UUID (version 4) per row and call, lower-case text; the only function that is not deterministic.
    public static BuiltinFunction GenerateUuid { get; } = Fn("generate_uuid", FunctionCategory.String, SqlType.String, "a random UUID (version 4) as 36 lower-case characters, new for every row") with { Nulls = NullRule.Never };

    // Spatial: geography (WGS84 lon/lat); metric results in meters / square meters.
    public static BuiltinFunction Point { get; } = Fn("st_point", FunctionCategory.Spatial, SqlType.Geography, "st_point(lon, lat): a point", ArgKind.Numeric, ArgKind.Numeric);
    public static BuiltinFunction X { get; } = Fn("st_x", FunctionCategory.Spatial, SqlType.Float64, "longitude of a point", ArgKind.Geography);
    public static BuiltinFunction Y { get; } = Fn("st_y", FunctionCategory.Spatial, SqlType.Float64, "latitude of a point", ArgKind.Geography);
    public static BuiltinFunction AsText { get; } = Fn("st_astext", FunctionCategory.Spatial, SqlType.String, "well-known text of a geography", ArgKind.Geography);
    public static BuiltinFunction GeogFromText { get; } = Fn("st_geogfromtext", FunctionCategory.Spatial, SqlType.Geography, "geography from well-known text", ArgKind.String);
    public static BuiltinFunction GeogFromGeoJson { get; } = Fn("st_geogfromgeojson", FunctionCategory.Spatial, SqlType.Geography, "geography from the text of a GeoJSON geometry object", ArgKind.String);
    public static BuiltinFunction Buffer { get; } = Fn("st_buffer", FunctionCategory.Spatial, SqlType.Geography, "st_buffer(g, meters): geodesic buffer", ArgKind.Geography, ArgKind.Numeric);
    public static BuiltinFunction Centroid { get; } = Fn("st_centroid", FunctionCategory.Spatial, SqlType.Geography, "centroid (planar on lon/lat, as the warehouses do)", ArgKind.Geography);
    public static BuiltinFunction Area { get; } = Fn("st_area", FunctionCategory.Spatial, SqlType.Float64, "geodesic area in square meters", ArgKind.Geography);
    public static BuiltinFunction LengthMeters { get; } = Fn("st_length", FunctionCategory.Spatial, SqlType.Float64, "geodesic length in meters", ArgKind.Geography);
    public static BuiltinFunction Distance { get; } = Fn("st_distance", FunctionCategory.Spatial, SqlType.Float64, "st_distance(a, b): geodesic distance in meters", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction DWithin { get; } = Fn("st_dwithin", FunctionCategory.Spatial, SqlType.Bool, "st_dwithin(a, b, meters): geodesic distance at most meters", ArgKind.Geography, ArgKind.Geography, ArgKind.Numeric);
    public static BuiltinFunction Intersects { get; } = Fn("st_intersects", FunctionCategory.Spatial, SqlType.Bool, "a and b share a point", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction Contains { get; } = Fn("st_contains", FunctionCategory.Spatial, SqlType.Bool, "b lies in a, not only on its boundary", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction Within { get; } = Fn("st_within", FunctionCategory.Spatial, SqlType.Bool, "a lies within b (st_contains(b, a))", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction Covers { get; } = Fn("st_covers", FunctionCategory.Spatial, SqlType.Bool, "no point of b lies outside a", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction Touches { get; } = Fn("st_touches", FunctionCategory.Spatial, SqlType.Bool, "a and b meet only at their boundaries", ArgKind.Geography, ArgKind.Geography);

    // Spatial: the geometry toolbox (issue 16). Measures and accessors.
    public static BuiltinFunction Perimeter { get; } = Fn("st_perimeter", FunctionCategory.Spatial, SqlType.Float64, "geodesic length of the rings of the polygons, in meters", ArgKind.Geography);
    public static BuiltinFunction NumPoints { get; } = Fn("st_npoints", FunctionCategory.Spatial, SqlType.Int64, "number of vertices (a closed ring counts its closing vertex)", ArgKind.Geography);
    public static BuiltinFunction NumGeometries { get; } = Fn("st_numgeometries", FunctionCategory.Spatial, SqlType.Int64, "number of parts of a collection; 1 for a single geometry, 0 when empty", ArgKind.Geography);
    public static BuiltinFunction GeometryType { get; } = Fn("st_geometrytype", FunctionCategory.Spatial, SqlType.String, "'ST_Point', 'ST_LineString', 'ST_Polygon', 'ST_MultiPoint', 'ST_MultiLineString', 'ST_MultiPolygon' or 'ST_GeometryCollection'", ArgKind.Geography);
    public static BuiltinFunction PointN { get; } = Fn("st_pointn", FunctionCategory.Spatial, SqlType.Geography, "st_pointn(line, n): the n-th vertex of a line (1-based, negative from the end); NULL for another geometry or n out of range", ArgKind.Geography, ArgKind.Integer) with { Nulls = NullRule.Always };

    // Constructors and parsers.
    public static BuiltinFunction MakeLine { get; } = Fn("st_makeline", FunctionCategory.Spatial, SqlType.Geography, "st_makeline(a, b): the line through the vertices of a then b (points or lines)", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction MakePolygon { get; } = Fn("st_makepolygon", FunctionCategory.Spatial, SqlType.Geography, "the polygon whose shell is a closed line (repaired when invalid)", ArgKind.Geography);
    public static BuiltinFunction Envelope { get; } = Fn("st_envelope", FunctionCategory.Spatial, SqlType.Geography, "the bounding box on lon/lat (a point or line when it has no area)", ArgKind.Geography);
    public static BuiltinFunction MakeEnvelope { get; } = Fn("st_makeenvelope", FunctionCategory.Spatial, SqlType.Geography, "st_makeenvelope(xmin, ymin, xmax, ymax): the box polygon on lon/lat", ArgKind.Numeric, ArgKind.Numeric, ArgKind.Numeric, ArgKind.Numeric);
    public static BuiltinFunction AsGeoJson { get; } = Fn("st_asgeojson", FunctionCategory.Spatial, SqlType.String, "GeoJSON geometry text, coordinates with at most 9 decimals", ArgKind.Geography);
    public static BuiltinFunction LineInterpolatePoint { get; } = Fn("st_lineinterpolatepoint", FunctionCategory.Spatial, SqlType.Geography, "st_lineinterpolatepoint(line, fraction 0-1): the point at that fraction of the line's length (planar on lon/lat)", ArgKind.Geography, ArgKind.Numeric);
    public static BuiltinFunction Destination { get; } = Fn("st_destination", FunctionCategory.Spatial, SqlType.Geography, "st_destination(point, meters, bearing degrees): the geodesic destination on the WGS84 ellipsoid", ArgKind.Geography, ArgKind.Numeric, ArgKind.Numeric);

    // Overlays and shape operations (planar on lon/lat, as the predicates).
    public static BuiltinFunction Intersection { get; } = Fn("st_intersection", FunctionCategory.Spatial, SqlType.Geography, "st_intersection(a, b): the points a and b share", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction Difference { get; } = Fn("st_difference", FunctionCategory.Spatial, SqlType.Geography, "st_difference(a, b): the points of a not in b", ArgKind.Geography, ArgKind.Geography);
    public static BuiltinFunction Boundary { get; } = Fn("st_boundary", FunctionCategory.Spatial, SqlType.Geography, "the boundary: rings of polygons, end points of lines", ArgKind.Geography);
    public static BuiltinFunction ConvexHull { get; } = Fn("st_convexhull", FunctionCategory.Spatial, SqlType.Geography, "the smallest convex geometry holding all vertices", ArgKind.Geography);
    public static BuiltinFunction ConcaveHull { get; } = Fn("st_concavehull", FunctionCategory.Spatial, SqlType.Geography, "st_concavehull(g, ratio 0-1): the concave hull of the vertices by maximum edge length ratio (1: convex hull)", ArgKind.Geography, ArgKind.Numeric);
    public static BuiltinFunction Polygonize { get; } = Fn("st_polygonize", FunctionCategory.Spatial, SqlType.Geography, "the polygons the linework of g encloses (lines, and the rings of polygons), as a GEOMETRYCOLLECTION, empty when it encloses none (PostGIS ST_Polygonize of one geometry)", ArgKind.Geography);
    public static BuiltinFunction Simplify { get; } = Fn("st_simplify", FunctionCategory.Spatial, SqlType.Geography, "st_simplify(g, meters): topology-preserving Douglas-Peucker on lon/lat, the tolerance converted at 111,319.49 m per degree", ArgKind.Geography, ArgKind.Numeric);
    public static BuiltinFunction SnapToGrid { get; } = Fn("st_snaptogrid", FunctionCategory.Spatial, SqlType.Geography, "st_snaptogrid(g, size degrees): vertices rounded to the grid, repeated ones and collapsed parts dropped", ArgKind.Geography, ArgKind.Numeric);
    public static BuiltinFunction RemoveHoles { get; } = Fn("st_removeholes", FunctionCategory.Spatial, SqlType.Geography, "polygons without their holes; other geometries unchanged", ArgKind.Geography);
    public static BuiltinFunction GeneratePoints { get; } = Fn("st_generatepoints", FunctionCategory.Spatial, SqlType.Geography, "st_generatepoints(polygon, n, seed): a multipoint of n random points inside the polygon, the same for the same seed on one engine; NULL for anything but a non-empty polygon or n < 1", ArgKind.Geography, ArgKind.Integer, ArgKind.Integer) with { Nulls = NullRule.Always };
    public static BuiltinFunction GridPoints { get; } = Fn("st_gridpoints", FunctionCategory.Spatial, SqlType.Geography, "st_gridpoints(g, interval degrees): a multipoint of the grid (xmin + i * interval, ymin + j * interval) inside g's bounding box, rows from the south; NULL for an empty g or an interval that is not above 0", ArgKind.Geography, ArgKind.Numeric) with { Nulls = NullRule.Always };

    // H3 (cell ids are 15-character lower-case hex strings on every dialect)
    public static BuiltinFunction H3FromPoint { get; } = Fn("h3_from_point", FunctionCategory.H3, SqlType.String, "h3_from_point(point, resolution 0-15): the H3 cell id", ArgKind.Geography, ArgKind.Integer);
    public static BuiltinFunction H3Boundary { get; } = Fn("h3_boundary", FunctionCategory.H3, SqlType.Geography, "h3_boundary(cell): the cell's polygon", ArgKind.String);
    public static BuiltinFunction H3Center { get; } = Fn("h3_center", FunctionCategory.H3, SqlType.Geography, "h3_center(cell): the cell's center point", ArgKind.String);
    public static BuiltinFunction H3Resolution { get; } = Fn("h3_resolution", FunctionCategory.H3, SqlType.Int64, "h3_resolution(cell): the cell's resolution 0-15", ArgKind.String);
    public static BuiltinFunction H3IsValid { get; } = Fn("h3_is_valid", FunctionCategory.H3, SqlType.Bool, "h3_is_valid(text): whether the text is an H3 cell id", ArgKind.String);
    public static BuiltinFunction H3ToParent { get; } = Fn("h3_to_parent", FunctionCategory.H3, SqlType.String, "h3_to_parent(cell, resolution): the cell containing it at that coarser resolution", ArgKind.String, ArgKind.Integer);
    public static BuiltinFunction H3Distance { get; } = Fn("h3_distance", FunctionCategory.H3, SqlType.Int64, "h3_distance(a, b): the number of steps between two cells of one resolution; NULL where H3 cannot tell (other resolutions, across pentagon distortion)", ArgKind.String, ArgKind.String) with { Nulls = NullRule.Always };

    // Quadbin (CARTO's 64-bit index of web-mercator tiles, an int64 on every dialect; from the Analytics Toolbox)
    public static BuiltinFunction QuadbinFromPoint { get; } = Fn("quadbin_from_point", FunctionCategory.Quadbin, SqlType.Int64, "quadbin_from_point(point, resolution 0-26): the Quadbin cell of the point", ArgKind.Geography, ArgKind.Integer);
    public static BuiltinFunction QuadbinBoundary { get; } = Fn("quadbin_boundary", FunctionCategory.Quadbin, SqlType.Geography, "quadbin_boundary(cell): the tile's lon/lat box", ArgKind.Integer);
    public static BuiltinFunction QuadbinCenter { get; } = Fn("quadbin_center", FunctionCategory.Quadbin, SqlType.Geography, "quadbin_center(cell): the tile's center point (web-mercator middle)", ArgKind.Integer);
    public static BuiltinFunction QuadbinResolution { get; } = Fn("quadbin_resolution", FunctionCategory.Quadbin, SqlType.Int64, "quadbin_resolution(cell): the tile's zoom 0-26", ArgKind.Integer);
    public static BuiltinFunction QuadbinToParent { get; } = Fn("quadbin_to_parent", FunctionCategory.Quadbin, SqlType.Int64, "quadbin_to_parent(cell, resolution): the tile containing it at that coarser zoom", ArgKind.Integer, ArgKind.Integer);

    /// <summary>Every function, ordered by name.</summary>
    public static ImmutableArray<BuiltinFunction> All { get; } =
        [.. typeof(Functions).GetProperties()
            .Where(p => p.PropertyType == typeof(BuiltinFunction))
            .Select(p => (BuiltinFunction)p.GetValue(null)!)
            .OrderBy(f => f.Name, StringComparer.Ordinal)];

    private static readonly FrozenDictionary<string, BuiltinFunction> ByName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static BuiltinFunction? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The spatial predicates a spatial join or spatial filter may use, by their canvas names.</summary>
    public static BuiltinFunction? SpatialPredicate(string name) => name.ToLowerInvariant() switch
    {
        "intersects" => Intersects,
        "contains" => Contains,
        "within" => Within,
        "covers" => Covers,
        "touches" => Touches,
        _ => null,
    };
}
