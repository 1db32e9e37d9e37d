using Cwf.Emit.Scripts;
using System.Collections.Frozen;
using System.Text;
using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// Trino, the distributed SQL engine over lakehouse catalogs (Hive, Iceberg, Delta Lake). Its
/// connectors store no geometry type, so geography is stored as WKB (VARBINARY): source columns
/// are decoded with ST_GeomFromBinary and output columns encoded with ST_AsBinary. In queries it is
/// a planar Geometry in lon/lat; meters come from to_spherical_geography (a sphere, like BigQuery
/// and Snowflake). Trino has no coordinate transforms, so no buffer in meters, and no H3.
/// </summary>
public sealed class TrinoDialect : Dialect
{
    private const string NoH3 = "Trino has no H3 functions (its square grid is Bing tiles)";
    private const string H3Elsewhere = "compute H3 cells where the data is loaded";

    public override string Name => "trino";
    public override string DisplayName => "Trino";

    /// <summary>Data checks fail the script through fail(message): https://trino.io/docs/current/functions/conditional.html#fail.</summary>
    protected override string? FailFunction => "fail";
    public override IdentifierCase IdentifierCase => IdentifierCase.Insensitive;

    // Standard strings ('' escapes a quote; U&'...' takes backslash escapes), "..." identifiers,
    // -- and /* */ comments that do not nest.
    public override SqlLexicalRules LexicalRules { get; } = new();

    public override DialectCapabilities Capabilities { get; } = new()
    {
        // No temporary tables, and a view needs a schema the workflow does not name: shared steps are CTEs.
        // The lakehouse connectors run no multi-statement transactions: each statement commits.
        // Hive metastore catalogs store table names of at most 128 characters.
        MaxIdentifierBytes = 128,
    };

    /// <summary>Reserved in Trino and in none of the other dialects' lists.</summary>
    protected override FrozenSet<string> OwnReservedWords { get; } = new[]
    {
        "current_path", "deallocate", "execute", "json_array", "json_exists", "json_object", "json_query", "json_table",
        "json_value", "listagg", "normalize", "prepare", "skip", "trim", "uescape",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public override string? TypeName(SqlType type) => type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "DOUBLE",
        SqlType.Decimal => "DECIMAL(38, 9)",
        SqlType.String => "VARCHAR",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        // TIMESTAMP alone has millisecond precision.
        SqlType.Timestamp => "TIMESTAMP(6)",
        SqlType.Geography => "GEOMETRY",
        _ => null,
    };

    /// <summary>
    /// A quote is doubled. A string holding a control character or a line separator is a Unicode
    /// literal <c>U&amp;'...'</c>, in which a backslash escapes: the character is written <c>\XXXX</c>
    /// and a backslash <c>\\</c>.
    /// </summary>
    protected override SqlFragment StringLiteral(string s)
    {
        if (!s.Any(IsLineBreaking)) return SqlFragment.Atom("'" + s.Replace("'", "''") + "'");
        var sb = new StringBuilder("U&'", s.Length + 8);
        foreach (char c in s)
        {
            if (IsLineBreaking(c)) sb.Append('\\').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c switch { '\'' => "''", '\\' => "\\\\", _ => c.ToString() });
        }
        return SqlFragment.Atom(sb.Append('\'').ToString());
    }

    /// <summary>ST_Geometries gives the members of a collection as an array (NULL for an empty one), which UNNEST turns into rows; a collection nested in a collection stays one member.</summary>
    public override ExplodeSql GeometryParts { get; } = ExplodeSql.Lateral("CROSS JOIN UNNEST(ST_Geometries({0})) AS cwf_dump(cwf_part)", "cwf_dump.cwf_part") with
    {
        Note = FunctionNote.Limited("opens one level of collections (ST_Geometries): a collection nested in a collection stays one part, where PostGIS opens it too"),
    };

    protected override ExplodeSql CellSet(ExplodeKind kind) => ExplodeSql.NotAvailable(
        $"Trino has no H3 or Quadbin functions (its square grid is Bing tiles), so it cannot list {CellSetName(kind)}",
        "list the cells where the data is loaded, or use bing_tile_polygon / bing_tiles_around in a custom SQL step");

    // TRIM without characters removes all whitespace; the IR trims spaces only. There is no
    // ENDS_WITH: SUBSTR from minus the suffix's length is the suffix ('' for an empty suffix or a
    // longer one). ST_Covers is the DE-9IM relation: b meets a and no point of b lies outside a.
    public override FunctionMap Functions { get; } = StandardFunctionsWithOgc(name => name).With(
        (F.Trim, "TRIM(BOTH ' ' FROM {0})"),
        (F.LTrim, "TRIM(LEADING ' ' FROM {0})"),
        (F.RTrim, "TRIM(TRAILING ' ' FROM {0})"),
        (F.EndsWith, "SUBSTR({0}, -LENGTH({1})) = {1}"),
        (F.Round, FunctionMapping.Sql("ROUND({0})", "ROUND({0}, CAST({1} AS INTEGER))")),
        (F.Point, "ST_Point({0}, {1})"),
        (F.GeogFromText, "ST_GeometryFromText({0})"),
        (F.GeogFromGeoJson, "to_geometry(from_geojson_geometry({0}))"),
        (F.Buffer, FunctionMapping.NotAvailable(
            "Trino buffers a geometry in its coordinate units only (degrees here) and has no ST_Transform to buffer in a metric projection",
            DistanceFilterHint + ", or buffer in degrees in a custom SQL step where a planar approximation is acceptable")),
        (F.Area, "ST_Area(to_spherical_geography({0}))"),
        (F.LengthMeters, "ST_Length(to_spherical_geography({0}))"),
        (F.Perimeter, "ST_Length(to_spherical_geography(ST_Boundary({0})))"),
        (F.NumPoints, "ST_NumPoints({0})"),
        (F.NumGeometries, "ST_NumGeometries({0})"),
        (F.GeometryType, "ST_GeometryType({0})"),
        (F.PointN, "ST_PointN({0}, CAST({1} AS INTEGER))"),
        (F.MakeLine, FunctionMapping.Sql("ST_LineString(ARRAY[{0}, {1}])").WithNote(FunctionNote.Limited(
            "Trino's ST_LineString takes points only: lines as arguments raise an error when the query runs"))),
        (F.MakePolygon, Missing("Trino", "function that makes a polygon from a line", "write the polygon's text and read it with ST_GeometryFromText in a custom SQL step")),
        (F.Envelope, "ST_Envelope({0})"),
        (F.MakeEnvelope, FunctionMapping.Sql("ST_Envelope(ST_LineString(ARRAY[ST_Point({0}, {1}), ST_Point({2}, {3})]))").WithNote(FunctionNote.Limited(
            "Trino has no ST_MakeEnvelope: the box is the envelope of the two corners, ordered from the least to the greatest coordinates"))),
        (F.AsGeoJson, FunctionMapping.Sql("to_geojson_geometry(to_spherical_geography({0}))").WithNote(GeoJsonFormatNote("Trino's to_geojson_geometry"))),
        (F.LineInterpolatePoint, "line_interpolate_point({0}, {1})"),
        (F.Destination, Missing("Trino", "function for the destination point at a distance and bearing",
            "compute it on the sphere with sin, cos and atan2 in a custom SQL step")),
        (F.Intersection, "ST_Intersection({0}, {1})"),
        (F.Difference, "ST_Difference({0}, {1})"),
        (F.Boundary, "ST_Boundary({0})"),
        (F.ConvexHull, "ST_ConvexHull({0})"),
        (F.ConcaveHull, Missing("Trino", "concave hull", "use the convex hull")),
        (F.Polygonize, Missing("Trino", "function that makes polygons of linework", "build the polygons with ST_Polygon from closed lines in a custom SQL step")),
        (F.Simplify, FunctionMapping.Sql("simplify_geometry({0}, " + ToleranceInDegrees + ")").WithNote(FunctionNote.Limited(
            "Trino's simplify_geometry is Douglas-Peucker without topology preservation: rings may touch or collapse where the IR keeps them apart"))),
        (F.SnapToGrid, Missing("Trino", "ST_SnapToGrid", "round the coordinates in a custom SQL step")),
        (F.RemoveHoles, Missing("Trino", "function that drops the holes of a polygon", "rebuild the polygons from ST_ExteriorRing in a custom SQL step")),
        (F.GridPoints, Missing("Trino", "grid of points function (the product's create grid runs on BigQuery and PostgreSQL)", "write the grid in a custom SQL step from a series of numbers over the extent")),
        (F.GeneratePoints, Missing("Trino", "function for random points in a polygon", "draw points in the bounding box with random() and keep those inside (ST_Contains) in a custom SQL step")),
        (F.Covers, "ST_Intersects({0}, {1}) AND ST_Relate({0}, {1}, '******FF*')"),
        (F.H3FromPoint, FunctionMapping.NotAvailable(NoH3,
            "for a square grid, use bing_tile_quadkey(bing_tile_at(ST_Y(point), ST_X(point), zoom)) in a custom SQL step, or compute H3 cells where the data is loaded")),
        (F.H3Boundary, FunctionMapping.NotAvailable(NoH3,
            "for Bing tiles, use bing_tile_polygon(bing_tile(quadkey)) in a custom SQL step")),
        (F.H3Center, FunctionMapping.NotAvailable(NoH3, H3Elsewhere)),
        (F.H3Resolution, FunctionMapping.NotAvailable(NoH3, H3Elsewhere)),
        (F.H3IsValid, FunctionMapping.NotAvailable(NoH3, H3Elsewhere)),
        (F.H3ToParent, FunctionMapping.NotAvailable(NoH3, H3Elsewhere)),
        (F.H3Distance, FunctionMapping.NotAvailable(NoH3, H3Elsewhere)),
        (F.AddMonths, "DATE_ADD('month', {1}, {0})"),
        (F.AddDays, "DATE_ADD('day', {1}, {0})"),
        (F.AddSeconds, "DATE_ADD('second', {1}, {0})"),
        (F.DateDiffDays, "DATE_DIFF('day', CAST({0} AS DATE), CAST({1} AS DATE))"),
        (F.DayOfWeek, "DAY_OF_WEEK({0})"),
        (F.DayOfYear, "DAY_OF_YEAR({0})"),
        (F.Second, "SECOND({0})"),
        (F.GenerateUuid, "CAST(uuid() AS VARCHAR)"),
        (F.CurrentDate, "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS DATE)"),
        (F.CurrentTimestamp, "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP(6))"))
        .With(PointDistances("ST_Distance(to_spherical_geography({0}), to_spherical_geography({1}))", "ST_Distance of spherical geographies"))
        .With(NoQuadbin("Trino", "Bing tiles are the same web-mercator tiles: bing_tile_at(ST_Y(point), ST_X(point), zoom) and bing_tile_polygon in a custom SQL step"));

    /// <summary>Trino's geospatial aggregates: geometry_union_agg and convex_hull_agg; it has no collection aggregate.</summary>
    public override AggregateMap Aggregates { get; } = AggregateMap.Standard.WithSpatial(
        (AggregateFunction.Union, "geometry_union_agg({0})"),
        (AggregateFunction.Collect, Missing("Trino", "collection aggregate", "union the shapes with st_union_agg (overlaps then dissolve), or collect them in a custom SQL step")),
        (AggregateFunction.Extent, "ST_Envelope(geometry_union_agg({0}))"),
        (AggregateFunction.ConvexHull, "convex_hull_agg({0})"),
        (AggregateFunction.Centroid, FunctionMapping.Sql("ST_Centroid(geometry_union_agg({0}))").WithNote(FunctionNote.Limited(
            "Trino has no collection aggregate: the centroid is the union's, where overlapping shapes count once (the IR counts them as often as they occur)"))),
        (AggregateFunction.MakeLine, FunctionMapping.Sql("ST_LineString(array_agg({0} ORDER BY {1}) FILTER (WHERE {0} IS NOT NULL))").WithNote(FunctionNote.Limited(
            "Trino's ST_LineString takes points only, and a line through one place is not repaired"))));

    /// <summary>A product of decimals has the sum of their scales: cast back to the IR's decimal.</summary>
    internal override int Typed(Expr expr, int start, int precedence, ExpressionWriter writer) =>
        expr is Binary { Op: BinaryOp.Multiply, Type: SqlType.Decimal } ? writer.CastWritten(start, precedence, SqlType.Decimal) : precedence;

    /// <summary>FULL JOIN on any condition is not confirmed for Trino: the left join + anti join form is correct everywhere.</summary>
    internal override SqlBlock NonEquiFullJoin(JoinNode join, QueryWriter writer) => writer.LeftJoinPlusUnmatchedRight(join);

    /// <summary>Geometry values cannot be compared: grouped by their WKB.</summary>
    public override GeographyGrouping GeographyGrouping { get; } = new("ST_AsBinary({0})", "arbitrary({0})");

    /// <summary>Geography is stored as WKB: the connectors have no geometry type.</summary>
    public override SqlFragment OutputColumn(SqlFragment value, Column column) =>
        column.Type == SqlType.Geography ? SqlFragment.Atom($"ST_AsBinary({value.Text})") : value;

    public override string? StoredTypeName(SqlType type) => type == SqlType.Geography ? "VARBINARY" : TypeName(type);

    /// <summary>A new name without a catalog and schema would move the table to the session's: the whole name is given.</summary>
    protected override string RenamedTo(TableName table) => TableName(table);

    public override SqlFragment InputColumn(SqlFragment column, Column type) =>
        type.Type == SqlType.Geography ? SqlFragment.Atom($"ST_GeomFromBinary({column.Text})") : column;
}
