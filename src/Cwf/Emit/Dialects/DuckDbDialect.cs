using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// DuckDB, with the spatial extension for geography (GEOMETRY in lon/lat; meters from the
/// spheroid functions, which read latitude first, hence the coordinate flips) and the h3
/// community extension. Loading the extensions is the user's part: the script says which.
/// </summary>
public sealed class DuckDbDialect : Dialect
{
    private static readonly FunctionNote Spatial = FunctionNote.Requires(
        "the DuckDB spatial extension", "INSTALL spatial; LOAD spatial;", Severity.Info);

    private static readonly FunctionNote H3 = FunctionNote.Requires(
        "the DuckDB h3 community extension", "INSTALL h3 FROM community; LOAD h3;");

    public override string Name => "duckdb";
    public override string DisplayName => "DuckDB";

    /// <summary>Data checks fail the script through error(message): https://duckdb.org/docs/sql/functions/utility#errormessage.</summary>
    protected override string? FailFunction => "error";
    public override ImmutableArray<string> Aliases => ["duck"];
    public override IdentifierCase IdentifierCase => IdentifierCase.Insensitive;

    public override SqlLexicalRules LexicalRules { get; } = new() { DollarQuotes = true, TaggedDollarQuotes = true, EscapeStringPrefix = true, NestedBlockComments = true };

    public override DialectCapabilities Capabilities { get; } = new()
    {
        TemporaryTables = true,
        TemporaryViews = true,
        Views = true,
        BeginTransaction = "BEGIN TRANSACTION",
        CommitTransaction = "COMMIT",
        TransactionalDdl = true,
        MaxIdentifierBytes = 255,
        SharedCtesEvaluatedOnce = true,
        SpatialJoinsNeedIndex = true,
    };

    public override bool StringsHoldNul => false;

    /// <summary>E'...' as PostgreSQL's, but <c>\u</c> is not implemented: C1 controls and line separators stay as they are.</summary>
    protected override string? EscapeStringCharacter(char c) => c < ' ' || c == '\u007F' ? base.EscapeStringCharacter(c) : null;

    public override string? TypeName(SqlType type) => type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "DOUBLE",
        SqlType.Decimal => "DECIMAL(38, 9)",
        SqlType.String => "VARCHAR",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP",
        SqlType.Geography => "GEOMETRY",
        _ => null,
    };

    public override ImmutableArray<string> DefaultSchemas => ["main"];

    /// <summary>DuckDB's ST_MakeValid takes no options: GEOS's default "linework" method, not the "structure" method of the other backends (spec/equivalence.md).</summary>
    public override SqlTemplate GeographyRepair => Repair;

    private static readonly SqlTemplate Repair = "CASE WHEN ST_IsValid({0}) THEN {0} ELSE ST_MakeValid({0}) END";

    /// <summary>DuckDB's ST_Collect takes a list: the group's non-NULL geometries (LIST keeps NULLs), <c>{0}</c> of <paramref name="over"/>.</summary>
    private static string CollectedList(string over) => over.Replace("ST_Collect({0})", "ST_Collect(list({0}) FILTER (WHERE {0} IS NOT NULL))", StringComparison.Ordinal);

    public override SqlBlock CreateSchema(string schema) => CreateSchemaIfNotExists(schema);

    protected override bool CreatesOrReplacesTables => true;

    private static readonly string Utm = UtmZoneSrid("ST_X(ST_Centroid({0}))", "ST_Y(ST_Centroid({0}))");

    // ST_Transform takes CRS strings; always_xy (true) keeps lon/lat order for EPSG:4326.
    private static readonly string UtmBuffer =
        $"ST_Transform(ST_Buffer(ST_Transform({{0}}, 'EPSG:4326', 'EPSG:' || CAST({Utm} AS VARCHAR), true), {{1}}, 32), 'EPSG:' || CAST({Utm} AS VARCHAR), 'EPSG:4326', true)";

    /// <summary>The spatial extension's ST_Dump gives a list of (geom, path) structs, which UNNEST turns into rows.</summary>
    public override ExplodeSql GeometryParts { get; } = ExplodeSql.Lateral("CROSS JOIN UNNEST(ST_Dump({0})) AS cwf_dump(cwf_part)", "struct_extract(cwf_dump.cwf_part, 'geom')");

    /// <summary>The spatial extension has GEOS's Voronoi cells (ST_VoronoiDiagram) and nothing for the other kinds.</summary>
    public override ExplodeSql Tessellation(ExplodeKind kind) => kind == ExplodeKind.VoronoiPolygons
        ? ExplodeSql.Lateral("CROSS JOIN UNNEST(ST_Dump(ST_VoronoiDiagram({0}))) AS cwf_dump(cwf_part)", "struct_extract(cwf_dump.cwf_part, 'geom')")
        : base.Tessellation(kind);
    // The h3 community extension: lists of strings for string cells; no containment modes, no Quadbin.
    protected override ExplodeSql CellSet(ExplodeKind kind) => kind switch
    {
        ExplodeKind.H3PolyfillCenter => List("h3_polygon_wkt_to_cells_string(ST_AsText({0}), CAST({1} AS INTEGER))"),
        ExplodeKind.H3KRing => List("h3_grid_disk({0}, CAST({1} AS INTEGER))") with { Distance = "CAST(h3_grid_distance({0}, cwf_cells.cwf_cell) AS BIGINT)" },
        ExplodeKind.H3Children => List("h3_cell_to_children({0}, CAST({1} AS INTEGER))"),
        ExplodeKind.H3PolyfillIntersects or ExplodeKind.H3PolyfillContains => ExplodeSql.NotAvailable(
            "the DuckDB h3 extension fills a polygon by cell centers only", "use mode 'center'"),
        _ => ExplodeSql.NotAvailable("DuckDB has no Quadbin functions and the CARTO Analytics Toolbox has no DuckDB edition", CellSetWorkaround),
    };

    private static ExplodeSql List(string list) => ExplodeSql.Lateral($"CROSS JOIN UNNEST({list}) AS cwf_cells(cwf_cell)", "cwf_cells.cwf_cell") with { Note = H3 };

    public override FunctionMap Functions { get; } = StandardFunctionsWithOgc(name => name).With(
        (F.Round, FunctionMapping.Sql("ROUND({0})", "ROUND({0}, CAST({1} AS INTEGER))")),
        (F.Point, "ST_Point({0}, {1})"),
        (F.GeogFromText, Repair.Around("ST_GeomFromText({0})").Text),
        (F.GeogFromGeoJson, Repair.Around("ST_GeomFromGeoJSON({0})").Text),
        (F.Buffer, FunctionMapping.Sql(UtmBuffer).WithNote(UtmBufferNote("ST_Buffer is planar"))),
        (F.Area, "ST_Area_Spheroid(ST_FlipCoordinates({0}))"),
        (F.LengthMeters, "ST_Length_Spheroid(ST_FlipCoordinates({0}))"),
        (F.Perimeter, "ST_Perimeter_Spheroid(ST_FlipCoordinates({0}))"),
        (F.NumPoints, "ST_NPoints({0})"),
        (F.NumGeometries, "ST_NumGeometries({0})"),
        // ST_GeometryType gives an upper-case name ('MULTIPOLYGON'): the IR's is PostGIS's ('ST_MultiPolygon').
        (F.GeometryType, "CASE CAST(ST_GeometryType({0}) AS VARCHAR) WHEN 'POINT' THEN 'ST_Point' WHEN 'LINESTRING' THEN 'ST_LineString' WHEN 'POLYGON' THEN 'ST_Polygon' " +
            "WHEN 'MULTIPOINT' THEN 'ST_MultiPoint' WHEN 'MULTILINESTRING' THEN 'ST_MultiLineString' WHEN 'MULTIPOLYGON' THEN 'ST_MultiPolygon' ELSE 'ST_GeometryCollection' END"),
        (F.PointN, "ST_PointN({0}, CAST({1} AS INTEGER))"),
        (F.MakeLine, Repair.Around("ST_MakeLine({0}, {1})").Text),
        (F.MakePolygon, Repair.Around("ST_MakePolygon({0})").Text),
        (F.Envelope, "ST_Envelope({0})"),
        (F.MakeEnvelope, Repair.Around("ST_MakeEnvelope({0}, {1}, {2}, {3})").Text),
        (F.AsGeoJson, FunctionMapping.Sql("CAST(ST_AsGeoJSON({0}) AS VARCHAR)").WithNote(GeoJsonFormatNote("DuckDB's ST_AsGeoJSON"))),
        (F.LineInterpolatePoint, "ST_LineInterpolatePoint({0}, {1})"),
        (F.Destination, Missing("DuckDB", "function for the destination point at a distance and bearing (the spatial extension has no ST_Project)",
            "compute it on the sphere with sin, cos and atan2 in a custom SQL step")),
        (F.Intersection, "ST_Intersection({0}, {1})"),
        (F.Difference, "ST_Difference({0}, {1})"),
        (F.Boundary, "ST_Boundary({0})"),
        (F.ConvexHull, "ST_ConvexHull({0})"),
        (F.ConcaveHull, "ST_ConcaveHull({0}, {1}, false)"),
        (F.Polygonize, "ST_Polygonize([{0}])"),
        (F.Simplify, "ST_SimplifyPreserveTopology({0}, " + ToleranceInDegrees + ")"),
        (F.SnapToGrid, FunctionMapping.Sql("ST_ReducePrecision({0}, {1})").WithNote(FunctionNote.Limited(
            "DuckDB has no ST_SnapToGrid: GEOS's precision reducer rounds to the same grid but keeps polygons valid its own way, so collapsed parts may differ"))),
        (F.RemoveHoles, Repair.Around("CASE WHEN ST_IsEmpty({0}) THEN {0} WHEN ST_GeometryType({0}) = 'POLYGON' THEN ST_MakePolygon(ST_ExteriorRing({0})) " +
            "WHEN ST_GeometryType({0}) = 'MULTIPOLYGON' THEN ST_Collect(list_transform(ST_Dump({0}), d -> ST_MakePolygon(ST_ExteriorRing(d.geom)))) ELSE {0} END").Text),
        (F.GridPoints, Missing("DuckDB", "grid of points function (the product's create grid runs on BigQuery and PostgreSQL)", "write the grid in a custom SQL step from a series of numbers over the extent")),
        (F.GeneratePoints, Missing("DuckDB", "function for random points in a polygon (the spatial extension's ST_GeneratePoints fills a box only)", "draw points in the bounding box and keep those inside (ST_Contains) in a custom SQL step")),
        // The h3 extension reads latitude first.
        (F.H3FromPoint, FunctionMapping.Sql("h3_latlng_to_cell_string(ST_Y({0}), ST_X({0}), CAST({1} AS INTEGER))").WithNote(H3)),
        (F.H3Boundary, FunctionMapping.Sql("ST_GeomFromText(h3_cell_to_boundary_wkt({0}))").WithNote(H3)),
        (F.H3Center, FunctionMapping.Sql("ST_Point(h3_cell_to_lng({0}), h3_cell_to_lat({0}))").WithNote(H3)),
        (F.H3Resolution, FunctionMapping.Sql("h3_get_resolution({0})").WithNote(H3)),
        (F.H3IsValid, FunctionMapping.Sql("h3_is_valid_cell({0})").WithNote(H3)),
        (F.H3ToParent, FunctionMapping.Sql("h3_cell_to_parent({0}, CAST({1} AS INTEGER))").WithNote(H3)),
        (F.H3Distance, FunctionMapping.Sql("h3_grid_distance({0}, {1})").WithNote(H3)),
        // date + integer is a date, date + interval a timestamp: months go through the interval and back.
        (F.AddMonths, FunctionMapping.Temporal("CAST({0} + TO_MONTHS(CAST({1} AS INTEGER)) AS DATE)", "{0} + TO_MONTHS(CAST({1} AS INTEGER))")),
        (F.AddDays, FunctionMapping.Temporal("{0} + CAST({1} AS INTEGER)", "{0} + TO_DAYS(CAST({1} AS INTEGER))")),
        (F.AddSeconds, "{0} + TO_MICROSECONDS(CAST({1} AS BIGINT) * 1000000)"),
        (F.DateDiffDays, "DATE_DIFF('day', CAST({0} AS DATE), CAST({1} AS DATE))"),
        // Whole seconds already, as BIGINT (FLOOR would make it a DOUBLE).
        (F.Second, "EXTRACT(SECOND FROM {0})"),
        (F.GenerateUuid, "CAST(gen_random_uuid() AS VARCHAR)"),
        (F.CurrentDate, "CAST(NOW() AT TIME ZONE 'UTC' AS DATE)"),
        (F.CurrentTimestamp, "CAST(NOW() AT TIME ZONE 'UTC' AS TIMESTAMP)"))
        .With(NoQuadbin("DuckDB", "compute the cells in process (cwf run --data) or on a warehouse the toolbox supports"))
        .WithCastResult([F.H3Resolution, .. DateTruncations])
        .With(PointDistances("ST_Distance_Spheroid(ST_FlipCoordinates({0}), ST_FlipCoordinates({1}))", "ST_Distance_Spheroid"))
        .WithNote(f => f.Category == FunctionCategory.Spatial || f == F.H3Boundary || f == F.H3FromPoint || f == F.H3Center, Spatial);

    /// <summary>CAST of a DOUBLE to BIGINT rounds half to even; ROUND rounds half away from zero, as the IR's cast does.</summary>
    public override SqlTemplate? FloatToInteger => "CAST(ROUND({0}) AS BIGINT)";

    // Division by zero is NULL in DuckDB: error() raises instead. `/` of integers is a float division.
    private static readonly SqlTemplate CheckedQuotient = "CASE WHEN {1} = 0 THEN error('division by zero') ELSE {0} / {1} END";
    private static readonly SqlTemplate CheckedRemainder = "CASE WHEN {1} = 0 THEN error('division by zero') ELSE {0} % {1} END";

    internal override int Divide(Binary quotient, ExpressionWriter writer) => ZeroGuarded(quotient, CheckedQuotient, writer);

    internal override int Modulo(Binary remainder, ExpressionWriter writer) => ZeroGuarded(remainder, CheckedRemainder, writer);

    /// <summary>
    /// An operator over a NULL literal is folded to a NULL of type INTEGER, which functions then
    /// refuse and a created table stores as INTEGER; decimal arithmetic changes the type (a quotient
    /// is a DOUBLE, a product has the sum of its operands' scales, a rounded, floored or ceiled decimal
    /// the scale it was rounded to, and a COALESCE or CASE over such values cuts the others' digits). Each is cast
    /// back to its IR type.
    /// </summary>
    internal override int Typed(Expr expr, int start, int precedence, ExpressionWriter writer) =>
        ExpressionWriter.IsFoldedNull(expr) || expr.Type == SqlType.Decimal && IsDecimalRescaled(expr) ? writer.CastWritten(start, precedence, expr.Type) : precedence;

    private static bool IsDecimalRescaled(Expr expr) =>
        expr is Binary { Op: BinaryOp.Divide or BinaryOp.Multiply } || expr is Call { Function: var f } && (f == F.Round || f == F.Floor || f == F.Ceil);

    /// <summary>SUM of BIGINT is a HUGEINT, AVG of a DECIMAL a DOUBLE.</summary>
    public override AggregateMap Aggregates { get; } = AggregateMap.Standard.WithIntegerResultCast(AggregateFunction.Sum)
        .WithDecimalResultCast(AggregateFunction.Avg)
        .WithSpatial(
            (AggregateFunction.Union, "ST_Union_Agg({0})"),
            (AggregateFunction.Collect, Repair.Around(CollectedList("ST_Collect({0})")).Text),
            (AggregateFunction.Extent, CollectedList("ST_Envelope(ST_Collect({0}))")),
            (AggregateFunction.ConvexHull, CollectedList("ST_ConvexHull(ST_Collect({0}))")),
            (AggregateFunction.Centroid, CollectedList("ST_Centroid(ST_Collect({0}))")),
            (AggregateFunction.MakeLine, Repair.Around("ST_MakeLine(list({0} ORDER BY {1}) FILTER (WHERE {0} IS NOT NULL))").Text));

    /// <summary>QUALIFY (spec/dialects.md, "Windows").</summary>
    internal override IReadOnlyList<string>? Qualify(string condition) => ["QUALIFY " + condition];
}
