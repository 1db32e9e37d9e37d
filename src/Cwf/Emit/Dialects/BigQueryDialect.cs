using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// BigQuery (GoogleSQL): a geodesic GEOGRAPHY type whose functions work in meters, backtick
/// quoting, backslash string escapes. H3 comes from the CARTO Analytics Toolbox.
/// </summary>
public sealed class BigQueryDialect : Dialect
{
    public override string Name => "bigquery";
    public override string DisplayName => "BigQuery";

    /// <summary>Data checks fail the script through ERROR(message): https://cloud.google.com/bigquery/docs/reference/standard-sql/debugging_functions#error (ASSERT takes only a literal description, which cannot carry the count).</summary>
    protected override string? FailFunction => "ERROR";
    public override ImmutableArray<string> Aliases => ["bq", "googlesql"];
    public override IdentifierCase IdentifierCase => IdentifierCase.Insensitive;

    /// <summary>CARTO's shared toolbox project for the US multi-region (spec/dialects.md lists the others).</summary>
    public override TableName? DefaultToolbox { get; } = new(["carto-un", "carto"]);
    protected override string ToolboxExample => "carto-un-eu.carto";

    /// <summary>The data module's <c>ARRAY&lt;STRUCT&lt;column STRING, aggregation STRING&gt;&gt;</c>: <c>[STRUCT('c' AS column, 'sum' AS aggregation)]</c>.</summary>
    public override string? ToolboxVariables(IReadOnlyList<ToolboxVariable> variables) =>
        "[" + string.Join(", ", variables.Select(v =>
            $"STRUCT({Literal(v.Column, SqlType.String).Text} AS {Identifier("column")}, {Literal(v.Aggregation, SqlType.String).Text} AS {Identifier("aggregation")})")) + "]";

    /// <summary>An <c>ARRAY&lt;STRING&gt;</c> literal: <c>['a', 'b']</c>.</summary>
    public override string? ToolboxTextArray(IReadOnlyList<string> items) => "[" + string.Join(", ", items.Select(i => Literal(i, SqlType.String).Text)) + "]";

    /// <summary>A <c>STRUCT</c> literal whose fields the procedure's parameter type names: <c>STRUCT('t' AS name, 0 AS zoom_min)</c>.</summary>
    public override string? ToolboxRecord(IReadOnlyList<(string Name, string Value)> fields) =>
        "STRUCT(" + string.Join(", ", fields.Select(f => $"{f.Value} AS {Identifier(f.Name)}")) + ")";

    public override SqlLexicalRules LexicalRules { get; } = new() { BackslashEscapes = true, DoubleQuotedStrings = true, BacktickIdentifiers = true, BacktickBackslashEscapes = true, AdjacentStrings = true, TripleQuotedStrings = true, HashComments = true };

    public override DialectCapabilities Capabilities { get; } = new()
    {
        // Temporary tables exist inside a multi-statement script, which is what cwf emits.
        TemporaryTables = true,
        StoredProcedures = true,
        ProcedureNeedsSchema = true,
        // BigQuery transactions cannot contain CREATE TABLE.
        MaxIdentifierBytes = 300,
        MetricDWithin = true,
        DWithinFasterThanBuffer = true,
    };

    /// <summary>BigQuery's ST_CLUSTERDBSCAN (a window function, the radius in meters on the sphere); k-means only in the toolbox, over arrays.</summary>
    public override FunctionMapping ClusterWindow(WindowFunction function) => function == WindowFunction.ClusterDbscan
        ? FunctionMapping.Sql("ST_CLUSTERDBSCAN({0}, {1}, {2}) {3}").WithNote(FunctionNote.Limited(
            "measures the radius in meters on the sphere, while the IR takes it at 111,319.49 m per degree on lon/lat: away from the equator BigQuery's neighbourhoods are wider east-west, and clusters may merge",
            "choose the radius for the warehouse that runs the workflow"))
        : base.ClusterWindow(function);

    /// <summary>
    /// The toolbox's <c>ST_CLUSTERKMEANS(ARRAY&lt;GEOGRAPHY&gt;, k)</c> over every row's point (a centroid for other
    /// shapes, NULL and empty left out), which returns each point with its cluster; a row gets the cluster of its
    /// point, matched on its coordinates as the product's generated SQL does. The points are passed ordered by
    /// longitude and latitude so that the toolbox's seeds, its first distinct points, do not depend on row order.
    /// </summary>
    public override FunctionMapping? ClusterKMeansOverArray { get; } = FunctionMapping.Sql(
        "(SELECT cwf_k.cluster FROM UNNEST((SELECT {toolbox}.ST_CLUSTERKMEANS(ARRAY_AGG(cwf_p ORDER BY ST_X(cwf_p), ST_Y(cwf_p)), {1}) " +
        "FROM (SELECT ST_CENTROID({3}) AS cwf_p FROM {2} WHERE NOT ST_ISEMPTY({3})))) AS cwf_k " +
        "WHERE ST_X(cwf_k.geom) = ST_X(IF(ST_ISEMPTY({0}), NULL, ST_CENTROID({0}))) AND ST_Y(cwf_k.geom) = ST_Y(IF(ST_ISEMPTY({0}), NULL, ST_CENTROID({0}))) LIMIT 1)")
        .WithNote(FunctionNote.Limited(
            "clusters with the CARTO Analytics Toolbox's ST_CLUSTERKMEANS (turf's k-means on longitude and latitude, seeded with the first distinct points), while the IR starts from PostGIS's farthest-point seeds: the clusters and their numbers may differ, and more clusters than rows gives fewer clusters instead of an error",
            "compare clusterings by their members, not their numbers"));

    protected override char QuoteOpen => '`';
    protected override char QuoteClose => '`';
    /// <summary>A quote is <c>\'</c> (a doubled quote is two literals), control characters are escapes: a raw line break is invalid here.</summary>
    protected override SqlFragment StringLiteral(string s) => SqlFragment.Atom(EscapedString(s, "\\'", BackslashEscape));

    protected override string Quote(string name) => "`" + name.Replace("\\", "\\\\").Replace("`", "\\`") + "`";

    /// <summary>Project ids may contain hyphens: the whole path is quoted as one (<c>`my-project.dataset.table`</c>) when any part needs it.</summary>
    public override string TableName(TableName name) =>
        name.Parts.All(p => IsPlainWord(p) && !IsReserved(p))
            ? string.Join(".", name.Parts)
            : Quote(string.Join(".", name.Parts));

    public override string? TypeName(SqlType type) => type switch
    {
        SqlType.Int64 => "INT64",
        SqlType.Float64 => "FLOAT64",
        SqlType.Decimal => "NUMERIC",
        SqlType.String => "STRING",
        SqlType.Bool => "BOOL",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP",
        SqlType.Geography => "GEOGRAPHY",
        _ => null,
    };

    /// <summary>A literal with a decimal point is FLOAT64 already.</summary>
    protected override SqlFragment FloatLiteral(double d)
    {
        if (double.IsNaN(d)) return SqlFragment.Atom("CAST('NaN' AS FLOAT64)");
        if (double.IsInfinity(d)) return SqlFragment.Atom($"CAST('{(d > 0 ? "inf" : "-inf")}' AS FLOAT64)");
        return new SqlFragment(DoubleText(d), d < 0 ? Precedence.Unary : Precedence.Atom);
    }

    protected override SqlFragment DecimalLiteral(decimal m) =>
        SqlFragment.Atom($"NUMERIC '{m.ToString(System.Globalization.CultureInfo.InvariantCulture)}'");

    // TRIM without characters removes all Unicode whitespace; the IR trims spaces only. A GEOGRAPHY
    // is always valid: text describing an invalid shape is an error unless make_valid repairs it.
    /// <summary>ST_DUMP gives the simple parts as an array, which UNNEST turns into rows (an empty array into none).</summary>
    public override ExplodeSql GeometryParts { get; } = ExplodeSql.Lateral("CROSS JOIN UNNEST(ST_DUMP({0})) AS cwf_part", "cwf_part");

    /// <summary>The toolbox's processing functions take the points as an array (ST_DUMP of the collection) and give an array of geographies.</summary>
    public override ExplodeSql Tessellation(ExplodeKind kind) => ExplodeSql.Lateral(kind switch
    {
        ExplodeKind.VoronoiPolygons => "CROSS JOIN UNNEST({toolbox}.ST_VORONOIPOLYGONS(ST_DUMP({0}), NULL)) AS cwf_part",
        ExplodeKind.VoronoiLines => "CROSS JOIN UNNEST({toolbox}.ST_VORONOILINES(ST_DUMP({0}), NULL)) AS cwf_part",
        ExplodeKind.DelaunayTriangles => "CROSS JOIN UNNEST({toolbox}.ST_DELAUNAYPOLYGONS(ST_DUMP({0}))) AS cwf_part",
        _ => "CROSS JOIN UNNEST({toolbox}.ST_DELAUNAYLINES(ST_DUMP({0}))) AS cwf_part",
    }, "cwf_part") with
    {
        Note = ToolboxTessellationNote(kind is ExplodeKind.VoronoiPolygons or ExplodeKind.VoronoiLines
            ? "d3 on lon/lat, clipped to the box -180, -85, 180, 85 when none is given"
            : "d3 on lon/lat; a triangle's edges are geodesics on BigQuery"),
    };

    // The toolbox's H3 and Quadbin sets are arrays; a k-ring entry is a STRUCT<index, distance>.
    protected override ExplodeSql CellSet(ExplodeKind kind) => kind switch
    {
        ExplodeKind.H3PolyfillCenter => Unnest("{toolbox}.H3_POLYFILL_MODE({0}, {1}, 'center')"),
        ExplodeKind.H3PolyfillIntersects => Unnest("{toolbox}.H3_POLYFILL_MODE({0}, {1}, 'intersects')"),
        ExplodeKind.H3PolyfillContains => Unnest("{toolbox}.H3_POLYFILL_MODE({0}, {1}, 'contains')"),
        ExplodeKind.H3KRing => ExplodeSql.Lateral("CROSS JOIN UNNEST({toolbox}.H3_KRING_DISTANCES({0}, {1})) AS cwf_cell", "cwf_cell.index") with { Distance = "cwf_cell.distance" },
        ExplodeKind.H3Children => Unnest("{toolbox}.H3_TOCHILDREN({0}, {1})"),
        ExplodeKind.QuadbinPolyfillCenter => Unnest("{toolbox}.QUADBIN_POLYFILL_MODE({0}, {1}, 'center')"),
        ExplodeKind.QuadbinPolyfillIntersects => Unnest("{toolbox}.QUADBIN_POLYFILL_MODE({0}, {1}, 'intersects')"),
        ExplodeKind.QuadbinPolyfillContains => Unnest("{toolbox}.QUADBIN_POLYFILL_MODE({0}, {1}, 'contains')"),
        _ => QuadbinToolboxSet(kind, array => $"CROSS JOIN UNNEST({array}) AS cwf_cell", "cwf_cell", "cwf_cell.index", "cwf_cell.distance"),
    };

    private static ExplodeSql Unnest(string array) => ExplodeSql.Lateral($"CROSS JOIN UNNEST({array}) AS cwf_cell", "cwf_cell");

    public override FunctionMap Functions { get; } = StandardFunctionsWithOgc(name => name.ToUpperInvariant()).With(
        (F.Trim, "TRIM({0}, ' ')"),
        (F.LTrim, "LTRIM({0}, ' ')"),
        (F.RTrim, "RTRIM({0}, ' ')"),
        (F.Point, "ST_GEOGPOINT({0}, {1})"),
        (F.GeogFromText, "ST_GEOGFROMTEXT({0}, make_valid => TRUE)"),
        (F.GeogFromGeoJson, "ST_GEOGFROMGEOJSON({0}, make_valid => TRUE)"),
        (F.Buffer, "ST_BUFFER({0}, " + EqualAreaBufferRadius + ")"),
        (F.Area, "ST_AREA({0})"),
        (F.LengthMeters, "ST_LENGTH({0})"),
        (F.Distance, "ST_DISTANCE({0}, {1})"),
        (F.DWithin, "ST_DWITHIN({0}, {1}, {2})"),
        (F.Perimeter, "ST_PERIMETER({0})"),
        (F.NumPoints, "ST_NUMPOINTS({0})"),
        (F.NumGeometries, "ST_NUMGEOMETRIES({0})"),
        (F.GeometryType, "ST_GEOMETRYTYPE({0})"),
        // ST_POINTN fails for an index out of range; SAFE. makes that NULL, as the IR has it.
        (F.PointN, "SAFE.ST_POINTN({0}, {1})"),
        (F.MakeLine, "ST_MAKELINE({0}, {1})"),
        (F.MakePolygon, "ST_MAKEPOLYGON({0})"),
        (F.Envelope, FunctionMapping.Sql(
            "(SELECT ST_MAKEPOLYGON(ST_MAKELINE([ST_GEOGPOINT(b.xmin, b.ymin), ST_GEOGPOINT(b.xmin, b.ymax), ST_GEOGPOINT(b.xmax, b.ymax), ST_GEOGPOINT(b.xmax, b.ymin)])) " +
            "FROM UNNEST([ST_BOUNDINGBOX({0})]) AS b)")
            .WithNote(GeodesicEdgesNote("the box is built from ST_BOUNDINGBOX's corners, and a point or a vertical line has no box polygon (an error)"))),
        (F.MakeEnvelope, FunctionMapping.Sql("ST_MAKEPOLYGON(ST_MAKELINE([ST_GEOGPOINT({0}, {1}), ST_GEOGPOINT({0}, {3}), ST_GEOGPOINT({2}, {3}), ST_GEOGPOINT({2}, {1})]))")
            .WithNote(GeodesicEdgesNote("the box is a polygon of four geodesic edges"))),
        (F.AsGeoJson, FunctionMapping.Sql("ST_ASGEOJSON({0})").WithNote(GeoJsonFormatNote("BigQuery's ST_ASGEOJSON"))),
        (F.LineInterpolatePoint, FunctionMapping.Sql("ST_LINEINTERPOLATEPOINT({0}, {1})").WithNote(FunctionNote.Limited(
            "interpolates along the line's geodesic edges by geodesic length, while the IR interpolates on lon/lat by planar length: the midpoint of the 505 km line Madrid-Barcelona differs by 4.5 km"))),
        (F.Destination, FunctionMapping.Sql("{toolbox}.ST_DESTINATION({0}, {1} / 1000.0, {2}, 'kilometers')")
            .WithNote(FunctionNote.Limited("the CARTO Analytics Toolbox's ST_DESTINATION works on a sphere, the IR on the WGS84 ellipsoid (up to 0.56% of the distance apart)"))),
        (F.Intersection, "ST_INTERSECTION({0}, {1})"),
        (F.Difference, "ST_DIFFERENCE({0}, {1})"),
        (F.Boundary, "ST_BOUNDARY({0})"),
        (F.ConvexHull, "ST_CONVEXHULL({0})"),
        (F.Polygonize, Missing("BigQuery", "function that makes polygons of linework (ST_MAKEPOLYGON needs one closed ring per polygon)",
            "build the polygons with ST_MAKEPOLYGON from closed lines in a custom SQL step")),
        (F.ConcaveHull, Missing("BigQuery", "concave hull of a geography",
            "the CARTO Analytics Toolbox's ST_CONCAVEHULL takes an array of points and a maximum edge length: call it in a custom SQL step, or use the convex hull")),
        (F.Simplify, FunctionMapping.Sql("ST_SIMPLIFY({0}, {1})").WithNote(GeodesicSimplifyNote("BigQuery's ST_SIMPLIFY"))),
        (F.SnapToGrid, "ST_SNAPTOGRID({0}, {1})"),
        // The toolbox's ST_GENERATEPOINTS gives an array of points and takes no seed (a NULL seed still gives NULL, as elsewhere).
        (F.GridPoints, FunctionMapping.Sql("CASE WHEN {1} > 0 AND NOT ST_ISEMPTY({0}) THEN (SELECT ST_UNION(ARRAY_AGG(ST_GEOGPOINT(ST_BOUNDINGBOX({0}).xmin + cwf_i * {1}, ST_BOUNDINGBOX({0}).ymin + cwf_j * {1}))) " +
            "FROM UNNEST(GENERATE_ARRAY(0, CAST(FLOOR((ST_BOUNDINGBOX({0}).xmax - ST_BOUNDINGBOX({0}).xmin) / {1}) AS INT64))) AS cwf_i CROSS JOIN UNNEST(GENERATE_ARRAY(0, CAST(FLOOR((ST_BOUNDINGBOX({0}).ymax - ST_BOUNDINGBOX({0}).ymin) / {1}) AS INT64))) AS cwf_j) END")
            .WithNote(FunctionNote.Limited("takes BigQuery's bounding box, which for a shape crossing the antimeridian starts east of it (xmin > xmax: no column of points)"))),
        (F.GeneratePoints, FunctionMapping.Sql("CASE WHEN ST_DIMENSION({0}) = 2 AND {1} >= 1 AND {2} IS NOT NULL THEN ST_UNION({toolbox}.ST_GENERATEPOINTS({0}, {1})) END")
            .WithNote(RandomPointsNote("the CARTO Analytics Toolbox's ST_GENERATEPOINTS takes no seed: every run gives other points"))),
        (F.RemoveHoles, "CASE WHEN ST_GEOMETRYTYPE({0}) IN ('ST_Polygon', 'ST_MultiPolygon') THEN ST_UNION(ARRAY(SELECT ST_MAKEPOLYGON(ST_EXTERIORRING(p)) FROM UNNEST(ST_DUMP({0})) AS p)) ELSE {0} END"),
        // BigQuery has no H3 of its own: the toolbox's functions.
        (F.H3FromPoint, "{toolbox}.H3_FROMGEOGPOINT({0}, {1})"),
        (F.H3Boundary, "{toolbox}.H3_BOUNDARY({0})"),
        (F.H3Center, "{toolbox}.H3_CENTER({0})"),
        (F.H3Resolution, "{toolbox}.H3_RESOLUTION({0})"),
        (F.H3IsValid, "{toolbox}.H3_ISVALID({0})"),
        (F.H3ToParent, "{toolbox}.H3_TOPARENT({0}, {1})"),
        (F.H3Distance, "{toolbox}.H3_DISTANCE({0}, {1})"),
        // DATE and TIMESTAMP have functions of their own; TIMESTAMP_ADD has no months, so they go through DATETIME (UTC).
        (F.AddMonths, FunctionMapping.Temporal("DATE_ADD({0}, INTERVAL {1} MONTH)", "TIMESTAMP(DATETIME_ADD(DATETIME({0}), INTERVAL {1} MONTH))")),
        (F.AddDays, FunctionMapping.Temporal("DATE_ADD({0}, INTERVAL {1} DAY)", "TIMESTAMP_ADD({0}, INTERVAL {1} DAY)")),
        (F.AddSeconds, "TIMESTAMP_ADD({0}, INTERVAL {1} SECOND)"),
        (F.DateDiffDays, "DATE_DIFF(CAST({1} AS DATE), CAST({0} AS DATE), DAY)"),
        (F.Week, "EXTRACT(ISOWEEK FROM {0})"),
        // DAYOFWEEK counts from Sunday = 1.
        (F.DayOfWeek, "MOD(EXTRACT(DAYOFWEEK FROM {0}) + 5, 7) + 1"),
        (F.DayOfYear, "EXTRACT(DAYOFYEAR FROM {0})"),
        (F.Second, "EXTRACT(SECOND FROM {0})"),
        (F.TruncYear, FunctionMapping.Temporal("DATE_TRUNC({0}, YEAR)", "TIMESTAMP_TRUNC({0}, YEAR, 'UTC')")),
        (F.TruncQuarter, FunctionMapping.Temporal("DATE_TRUNC({0}, QUARTER)", "TIMESTAMP_TRUNC({0}, QUARTER, 'UTC')")),
        (F.TruncMonth, FunctionMapping.Temporal("DATE_TRUNC({0}, MONTH)", "TIMESTAMP_TRUNC({0}, MONTH, 'UTC')")),
        (F.TruncWeek, FunctionMapping.Temporal("DATE_TRUNC({0}, ISOWEEK)", "TIMESTAMP_TRUNC({0}, ISOWEEK, 'UTC')")),
        (F.TruncDay, "TIMESTAMP_TRUNC({0}, DAY, 'UTC')"),
        (F.TruncHour, "TIMESTAMP_TRUNC({0}, HOUR, 'UTC')"),
        (F.TruncMinute, "TIMESTAMP_TRUNC({0}, MINUTE, 'UTC')"),
        (F.GenerateUuid, "GENERATE_UUID()"),
        (F.CurrentDate, "CURRENT_DATE('UTC')"),
        (F.CurrentTimestamp, "CURRENT_TIMESTAMP()"))
        .With(QuadbinToolbox());

    /// <summary>The spatial aggregates: ST_UNION_AGG, ST_CENTROID_AGG and ST_EXTENT are aggregates; a GEOGRAPHY is a point set, so a collection is a union.</summary>
    public override AggregateMap Aggregates { get; } = AggregateMap.Standard.WithSpatial(
        (AggregateFunction.Union, FunctionMapping.Sql("ST_UNION_AGG({0})").WithNote(GeodesicEdgesNote("BigQuery's ST_UNION_AGG of GEOGRAPHY values"))),
        (AggregateFunction.Collect, FunctionMapping.Sql("ST_UNION_AGG({0})").WithNote(FunctionNote.Limited(
            "a BigQuery GEOGRAPHY is a set of points, so the collection is the union (ST_UNION_AGG): crossing lines are split where they cross and touching shapes merge"))),
        (AggregateFunction.Extent, FunctionMapping.Sql(
            "ST_MAKEPOLYGON(ST_MAKELINE([ST_GEOGPOINT(ST_EXTENT({0}).xmin, ST_EXTENT({0}).ymin), ST_GEOGPOINT(ST_EXTENT({0}).xmin, ST_EXTENT({0}).ymax), " +
            "ST_GEOGPOINT(ST_EXTENT({0}).xmax, ST_EXTENT({0}).ymax), ST_GEOGPOINT(ST_EXTENT({0}).xmax, ST_EXTENT({0}).ymin)]))")
            .WithNote(GeodesicEdgesNote("the box is built from ST_EXTENT's corners, and a group of one point or of points on one meridian has no box polygon (an error)"))),
        (AggregateFunction.ConvexHull, "ST_CONVEXHULL(ST_UNION_AGG({0}))"),
        (AggregateFunction.Centroid, FunctionMapping.Sql("ST_CENTROID_AGG({0})").WithNote(FunctionNote.Limited(
            "BigQuery's ST_CENTROID_AGG weights the inputs on the sphere, the IR on lon/lat"))),
        (AggregateFunction.MakeLine, FunctionMapping.Sql("ST_MAKELINE(ARRAY_AGG({0} IGNORE NULLS ORDER BY {1}))").WithNote(GeodesicEdgesNote("ST_MAKELINE of the ordered points"))));

    private static readonly SqlTemplate Mod = "MOD({0}, {1})";

    internal override int Modulo(Binary remainder, ExpressionWriter writer) => writer.AppendTemplate(Mod, remainder.Left, remainder.Right);

    internal override int Divide(Binary quotient, ExpressionWriter writer) => FloatDivision(quotient, writer);

    internal override int LikePattern(Expr pattern, ExpressionWriter writer) => BackslashesDoubled(pattern, writer);

    public override GeographyGrouping GeographyGrouping => GeographyGrouping.ByBinary;

    /// <summary>LIMIT takes only literals and query parameters, not a procedure's variables: the rows are numbered (ROW_NUMBER needs no order).</summary>
    internal override SqlBlock ArgumentLimit(LimitNode limit, QueryWriter writer) => writer.NumberedLimit(limit, unsortedOrder: null);

    protected override bool CreatesOrReplacesTables => true;

    public override SqlBlock Procedure(string name, IReadOnlyList<ProcedureArgument> arguments, SqlBlock statements) =>
        ArgumentList("CREATE OR REPLACE PROCEDURE " + name, arguments, defaults: false)
            .Line("BEGIN")
            .Append(statements, 2)
            .Line("END");

    /// <summary>QUALIFY, with a WHERE: BigQuery has refused QUALIFY in a query without WHERE, GROUP BY or HAVING.</summary>
    internal override IReadOnlyList<string>? Qualify(string condition) => ["WHERE TRUE", "QUALIFY " + condition];
}
