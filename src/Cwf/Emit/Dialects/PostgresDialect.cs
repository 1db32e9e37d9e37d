using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// PostgreSQL with PostGIS. Geography is stored as <c>geometry(Geometry,4326)</c>; metric
/// functions cast to <c>geography</c> (geodesic meters on the WGS84 spheroid), predicates and
/// centroids stay planar on the lon/lat geometry, as the warehouse's own type does (contract 5a.3).
/// </summary>
public sealed class PostgresDialect : Dialect
{
    private static readonly FunctionNote H3Extension = FunctionNote.Requires(
        "the h3-pg extension (h3 and h3_postgis)", "CREATE EXTENSION h3; CREATE EXTENSION h3_postgis;");

    public override string Name => "postgres";
    public override string DisplayName => "PostgreSQL/PostGIS";
    public override ImmutableArray<string> Aliases => ["postgresql", "postgis", "pg"];
    public override IdentifierCase IdentifierCase => IdentifierCase.Lower;

    /// <summary>The schema the toolbox's installation creates (spec/dialects.md); only Quadbin is called there, H3 comes from h3-pg.</summary>
    public override TableName? DefaultToolbox { get; } = new(["carto"]);

    public override SqlLexicalRules LexicalRules { get; } = new() { DollarQuotes = true, TaggedDollarQuotes = true, EscapeStringPrefix = true, NestedBlockComments = true };

    public override DialectCapabilities Capabilities { get; } = new()
    {
        TemporaryTables = true,
        TemporaryViews = true,
        Views = true,
        StoredProcedures = true,
        BeginTransaction = "BEGIN",
        CommitTransaction = "COMMIT",
        TransactionalDdl = true,
        MaxIdentifierBytes = 63,
        MaxTableNameParts = 2,
        MetricDWithin = true,
        SharedCtesEvaluatedOnce = true,
        SpatialJoinsNeedIndex = true,
    };

    public override bool StringsHoldNul => false;

    public override string? TypeName(SqlType type) => type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "DOUBLE PRECISION",
        SqlType.Decimal => "NUMERIC",
        SqlType.String => "TEXT",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP",
        SqlType.Geography => "geometry(Geometry,4326)",
        _ => null,
    };

    public override ImmutableArray<string> DefaultSchemas => ["public"];

    /// <summary>
    /// PostGIS's window functions on the lon/lat geometry: the IR's planar clusterings, the radius at 111,319.49 m
    /// per degree. ST_ClusterKMeans gives -1 to a NULL or empty geometry, which the IR's NULL replaces.
    /// </summary>
    public override FunctionMapping ClusterWindow(WindowFunction function) => function == WindowFunction.ClusterKMeans
        ? FunctionMapping.Sql("NULLIF(ST_ClusterKMeans({0}, CAST({1} AS INTEGER)) {2}, -1)")
        : FunctionMapping.Sql("ST_ClusterDBSCAN({0}, {1} / 111319.49079327357, CAST({2} AS INTEGER)) {3}");

    /// <summary>
    /// GEOS MakeValid's "structure" method (PostGIS 3.2+ with GEOS 3.10+) is the interpreter's
    /// GeometryFixer; the default "linework" method keeps every vertex and leaves collections of
    /// polygons and stray lines. It also rewrites valid polygons (ring orientation), so only invalid
    /// ones are repaired. ST_IsValidDetail rather than ST_IsValid, which prints a NOTICE per invalid geometry.
    /// A scan reads it as a correlated scalar subquery, which PostgreSQL keeps out of parallel workers: the
    /// planner costs the check at its declared cost (procost 10,000) on every row, points included, and would
    /// otherwise buy a worker that JIT-compiles the scan on its own for a check that is cheap on points.
    /// </summary>
    public override SqlTemplate GeographyRepair { get; } = RepairedOnce("{0}");

    private static readonly SqlTemplate Repair = "CASE WHEN (ST_IsValidDetail({0})).valid THEN {0} ELSE ST_MakeValid({0}, 'method=structure') END";

    /// <summary>
    /// The repair of a geometry (what a constructor built, a decoded column), computed once: a scalar
    /// subquery names it, so the validity test and the repair do not compute it again.
    /// </summary>
    private static string RepairedOnce(string built) =>
        $"(SELECT CASE WHEN (ST_IsValidDetail(r.cwf_g)).valid THEN r.cwf_g ELSE ST_MakeValid(r.cwf_g, 'method=structure') END FROM (SELECT {built} AS cwf_g) AS r)";

    /// <summary>PostGIS has no function dropping holes: a polygon keeps its exterior ring, a multipolygon each part's, made valid (shells that held each other overlap).</summary>
    private static readonly string RemoveHoles =
        "CASE WHEN ST_IsEmpty({0}) THEN {0} WHEN GeometryType({0}) = 'POLYGON' THEN ST_MakePolygon(ST_ExteriorRing({0})) " +
        "WHEN GeometryType({0}) = 'MULTIPOLYGON' THEN " + RepairedOnce("ST_Collect(ARRAY(SELECT ST_MakePolygon(ST_ExteriorRing(d.geom)) FROM ST_Dump({0}) AS d))") +
        " ELSE {0} END";

    public override string OncePerRow => "OFFSET 0";

    public override SqlBlock CreateSchema(string schema) => CreateSchemaIfNotExists(schema);

    /// <summary>Views are bound to the tables they read: DROP TABLE ... CASCADE drops them with it.</summary>
    public override IEnumerable<SqlBlock>? CreateTableAsDroppingDependents(string table, SqlBlock query) => DropCascadeAndCreateTableAs(table, query);

    // PostgreSQL's functions take int4 counts, while IR integers are bigint: cast them, and the
    // int4 and numeric results back. SUBSTR reads a start below 1 as standard SQL does.
    /// <summary>PostGIS ST_Dump opens collections all the way down; a NULL or empty geometry has no part.</summary>
    public override ExplodeSql GeometryParts { get; } = ExplodeSql.Lateral("CROSS JOIN LATERAL ST_Dump({0}) AS cwf_part", "cwf_part.geom");

    /// <summary>GEOS through PostGIS: the collection of cells or triangles (or the multilinestring of edges) dumped into rows.</summary>
    public override ExplodeSql Tessellation(ExplodeKind kind) => ExplodeSql.Lateral(kind switch
    {
        ExplodeKind.VoronoiPolygons => "CROSS JOIN LATERAL ST_Dump(ST_VoronoiPolygons({0})) AS cwf_part",
        ExplodeKind.VoronoiLines => "CROSS JOIN LATERAL ST_Dump(ST_VoronoiLines({0})) AS cwf_part",
        ExplodeKind.DelaunayTriangles => "CROSS JOIN LATERAL ST_Dump(ST_DelaunayTriangles({0})) AS cwf_part",
        _ => "CROSS JOIN LATERAL ST_Dump(ST_DelaunayTriangles({0}, 0, 1)) AS cwf_part",
    }, "cwf_part.geom");
    // h3-pg's sets are set-returning functions of h3index (polyfill modes from h3-pg 4.2); the toolbox's Quadbin
    // sets are arrays (a k-ring entry a JSON object).
    protected override ExplodeSql CellSet(ExplodeKind kind) => kind switch
    {
        ExplodeKind.H3PolyfillCenter => H3Cells("h3_polygon_to_cells_experimental({0}, CAST({1} AS INTEGER), 'center')"),
        ExplodeKind.H3PolyfillIntersects => H3Cells("h3_polygon_to_cells_experimental({0}, CAST({1} AS INTEGER), 'overlapping')"),
        ExplodeKind.H3PolyfillContains => H3Cells("h3_polygon_to_cells_experimental({0}, CAST({1} AS INTEGER), 'full')"),
        ExplodeKind.H3KRing => ExplodeSql.Lateral("CROSS JOIN LATERAL h3_grid_disk_distances({0}::h3index, CAST({1} AS INTEGER)) AS cwf_cell(cell, distance)", "cwf_cell.cell::text") with
        {
            Distance = "CAST(cwf_cell.distance AS BIGINT)", Note = H3Extension,
        },
        ExplodeKind.H3Children => H3Cells("h3_cell_to_children({0}::h3index, CAST({1} AS INTEGER))"),
        // The toolbox's QUADBIN_POLYFILL keeps the tiles that intersect; a lateral subquery keeps the other modes' subset.
        ExplodeKind.QuadbinPolyfillCenter => QuadbinTilesWhere("ST_Intersects({0}, {toolbox}.QUADBIN_CENTER(q))"),
        ExplodeKind.QuadbinPolyfillContains => QuadbinTilesWhere("ST_Covers({0}, {toolbox}.QUADBIN_BOUNDARY(q))"),
        _ => QuadbinToolboxSet(kind, array => $"CROSS JOIN LATERAL unnest({array}) AS cwf_cell(item)", "cwf_cell.item",
            "CAST(cwf_cell.item->>'index' AS BIGINT)", "CAST(cwf_cell.item->>'distance' AS BIGINT)", "CAST({1} AS INTEGER)"),
    };

    private static ExplodeSql QuadbinTilesWhere(string condition) => ExplodeSql.Lateral(
        $"CROSS JOIN LATERAL (SELECT q FROM unnest({{toolbox}}.QUADBIN_POLYFILL({{0}}, CAST({{1}} AS INTEGER))) AS q WHERE {condition}) AS cwf_cell(item)",
        "cwf_cell.item");

    private static ExplodeSql H3Cells(string cells) => ExplodeSql.Lateral($"CROSS JOIN LATERAL {cells} AS cwf_cell(cell)", "cwf_cell.cell::text") with { Note = H3Extension };

    public override FunctionMap Functions { get; } = StandardFunctionsWithOgc(name => name).With(
        (F.Substr, FunctionMapping.Sql("SUBSTR({0}, CAST({1} AS INTEGER))", "SUBSTR({0}, CAST({1} AS INTEGER), CAST({2} AS INTEGER))")),
        (F.EndsWith, "RIGHT({0}, LENGTH({1})) = {1}"),
        // round(double) breaks ties to even and round(double, int) does not exist: round as numeric.
        (F.Round, FunctionMapping.Sql("ROUND(CAST({0} AS NUMERIC))", "ROUND(CAST({0} AS NUMERIC), CAST({1} AS INTEGER))") with { CastResult = true }),
        (F.Point, "ST_SetSRID(ST_MakePoint({0}, {1}), 4326)"),
        (F.GeogFromText, Repair.Around("ST_GeomFromText({0}, 4326)").Text),
        (F.GeogFromGeoJson, Repair.Around("ST_SetSRID(ST_GeomFromGeoJSON({0}), 4326)").Text),
        (F.Buffer, "ST_Buffer({0}::geography, {1}, 'quad_segs=32')::geometry"),
        (F.Area, "ST_Area({0}::geography)"),
        (F.LengthMeters, "ST_Length({0}::geography)"),
        (F.Distance, "ST_Distance({0}::geography, {1}::geography)"),
        (F.DWithin, "ST_DWithin({0}::geography, {1}::geography, {2})"),
        (F.Perimeter, "ST_Perimeter({0}::geography)"),
        (F.NumPoints, "ST_NPoints({0})"),
        (F.NumGeometries, "ST_NumGeometries({0})"),
        (F.GeometryType, "ST_GeometryType({0})"),
        (F.PointN, "CASE WHEN {1} BETWEEN -2147483648 AND 2147483647 THEN ST_PointN({0}, CAST({1} AS INTEGER)) END"),
        (F.MakeLine, RepairedOnce("ST_MakeLine({0}, {1})")),
        (F.MakePolygon, RepairedOnce("ST_MakePolygon({0})")),
        (F.Envelope, "ST_Envelope({0})"),
        (F.MakeEnvelope, RepairedOnce("ST_MakeEnvelope({0}, {1}, {2}, {3}, 4326)")),
        (F.AsGeoJson, "ST_AsGeoJSON({0})"),
        (F.LineInterpolatePoint, "ST_LineInterpolatePoint({0}, {1})"),
        // ST_Project of a geography solves the direct geodesic problem on the spheroid; the azimuth is in radians.
        (F.Destination, "ST_Project({0}::geography, {1}, RADIANS({2}))::geometry"),
        (F.Intersection, "ST_Intersection({0}, {1})"),
        (F.Difference, "ST_Difference({0}, {1})"),
        (F.Boundary, "ST_Boundary({0})"),
        (F.ConvexHull, "ST_ConvexHull({0})"),
        (F.ConcaveHull, "ST_ConcaveHull({0}, {1})"),
        (F.Polygonize, "ST_Polygonize(ARRAY[{0}])"),
        (F.Simplify, "ST_SimplifyPreserveTopology({0}, " + ToleranceInDegrees + ")"),
        (F.SnapToGrid, RepairedOnce("ST_SnapToGrid({0}, {1})")),
        (F.RemoveHoles, RemoveHoles),
        // ST_GeneratePoints fails on anything but a polygon; a seed above 0 makes it repeatable.
        (F.GridPoints, FunctionMapping.Sql("CASE WHEN {1} > 0 AND NOT ST_IsEmpty({0}) THEN (SELECT ST_Collect(ST_SetSRID(ST_MakePoint(ST_XMin({0}) + cwf_i * {1}, ST_YMin({0}) + cwf_j * {1}), 4326) ORDER BY cwf_j, cwf_i) " +
            "FROM generate_series(0, CAST(FLOOR((ST_XMax({0}) - ST_XMin({0})) / {1}) AS BIGINT)) AS cwf_i, generate_series(0, CAST(FLOOR((ST_YMax({0}) - ST_YMin({0})) / {1}) AS BIGINT)) AS cwf_j) END")),
        (F.GeneratePoints, FunctionMapping.Sql("CASE WHEN GeometryType({0}) IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsEmpty({0}) AND {1} BETWEEN 1 AND 2147483647 AND {2} IS NOT NULL " +
            "THEN ST_GeneratePoints({0}, CAST({1} AS INTEGER), CAST(GREATEST(1, LEAST({2}, 2147483647)) AS INTEGER)) END").WithNote(RandomPointsNote("PostGIS's own generator: the same seed gives the same points on PostGIS"))),
        // h3_lat_lng_to_cell is the name before h3-pg 4.2.3 and a deprecated alias after it.
        (F.H3FromPoint, FunctionMapping.Sql("h3_lat_lng_to_cell({0}, CAST({1} AS INTEGER))::text").WithNote(H3Extension)),
        (F.H3Boundary, FunctionMapping.Sql("h3_cell_to_boundary_geometry({0}::h3index)").WithNote(H3Extension)),
        (F.H3Center, FunctionMapping.Sql("h3_cell_to_geometry({0}::h3index)").WithNote(H3Extension)),
        (F.H3Resolution, FunctionMapping.Sql("h3_get_resolution({0}::h3index)").WithNote(H3Extension)),
        (F.H3IsValid, FunctionMapping.Sql("h3_is_valid_cell({0}::h3index)").WithNote(H3Extension).WithNote(FunctionNote.Limited(
            "casts the text to h3index first, which fails for text that is not hexadecimal instead of giving false",
            "filter the text with a pattern such as '^[0-9a-fA-F]{15,16}$' first"))),
        (F.H3ToParent, FunctionMapping.Sql("h3_cell_to_parent({0}::h3index, CAST({1} AS INTEGER))::text").WithNote(H3Extension)),
        (F.H3Distance, FunctionMapping.Sql("h3_grid_distance({0}::h3index, {1}::h3index)").WithNote(H3Extension)),
        // date + integer is a date, date + interval a timestamp: months go through the interval and back.
        (F.AddMonths, FunctionMapping.Temporal("CAST({0} + MAKE_INTERVAL(months => CAST({1} AS INTEGER)) AS DATE)", "{0} + MAKE_INTERVAL(months => CAST({1} AS INTEGER))")),
        (F.AddDays, FunctionMapping.Temporal("{0} + CAST({1} AS INTEGER)", "{0} + MAKE_INTERVAL(days => CAST({1} AS INTEGER))")),
        (F.AddSeconds, "{0} + MAKE_INTERVAL(secs => {1})"),
        (F.DateDiffDays, FunctionMapping.Sql("(CAST({1} AS DATE) - CAST({0} AS DATE))") with { CastResult = true }),
        // gen_random_uuid is built in from PostgreSQL 13.
        (F.GenerateUuid, "CAST(gen_random_uuid() AS TEXT)"),
        (F.CurrentDate, "CAST(NOW() AT TIME ZONE 'UTC' AS DATE)"),
        (F.CurrentTimestamp, "CAST(NOW() AT TIME ZONE 'UTC' AS TIMESTAMP)"))
        .With(QuadbinToolbox(resolution: "CAST({1} AS INTEGER)"))
        .WithCastResult([F.Length, F.StrPos, F.NumPoints, F.NumGeometries, F.H3Resolution, .. DateFieldsAndTruncations]);

    /// <summary>
    /// CAST(float8 AS bigint) rounds half to even, the IR half away from zero: the fraction decides,
    /// computed exactly in float8 (a detour through numeric would keep only 15 digits).
    /// </summary>
    public override SqlTemplate? FloatToInteger => "CAST(TRUNC({0}) + SIGN({0}) * FLOOR(2 * ABS({0} - TRUNC({0}))) AS BIGINT)";

    public override AggregateMap Aggregates { get; } = AggregateMap.Standard.WithIntegerResultCast(AggregateFunction.Sum)
        .WithBooleanMinMax("BOOL_AND({0})", "BOOL_OR({0})")
        .WithSpatial(
            (AggregateFunction.Union, "ST_Union({0})"),
            (AggregateFunction.Collect, Repair.Around("ST_Collect({0})").Text),
            (AggregateFunction.Extent, "ST_Envelope(ST_Collect({0}))"),
            (AggregateFunction.ConvexHull, "ST_ConvexHull(ST_Collect({0}))"),
            (AggregateFunction.Centroid, "ST_Centroid(ST_Collect({0}))"),
            (AggregateFunction.MakeLine, Repair.Around("ST_MakeLine({0} ORDER BY {1})").Text));

    internal override int LikePattern(Expr pattern, ExpressionWriter writer) => BackslashesDoubled(pattern, writer);

    /// <summary>The database's collation may be linguistic; "C" orders by code point.</summary>
    internal override int CodePointOrdered(int start, int precedence, ExpressionWriter writer) => Collated(start, precedence, " COLLATE \"C\"", writer);

    /// <summary>Output columns keep the database's collation.</summary>
    internal override int CollationRestored(int start, int precedence, ExpressionWriter writer) => Collated(start, precedence, " COLLATE \"default\"", writer);

    private static int Collated(int start, int precedence, string collate, ExpressionWriter writer)
    {
        writer.Enclose(start, precedence, Precedence.Atom);
        writer.Append(collate);
        return Precedence.Unary;
    }

    /// <summary>FULL JOIN runs only on hash- or merge-joinable conditions.</summary>
    internal override SqlBlock NonEquiFullJoin(JoinNode join, QueryWriter writer) => writer.LeftJoinPlusUnmatchedRight(join);

    public override SqlFragment OutputColumn(SqlFragment value, Column column) =>
        column.Type == SqlType.Geography
            ? SqlFragment.Atom($"CAST(ST_SetSRID({value.Text}, 4326) AS geometry(Geometry,4326))")
            : value;

    /// <summary>
    /// Source columns are read as <c>geometry</c> in SRID 4326, whether the table stores
    /// <c>geometry</c> (of any SRID, 0 when loaded without one) or <c>geography</c>: the cast is
    /// valid for both, and the functions the queries call (ST_IsValidDetail, ST_Subdivide,
    /// ST_Contains, ...) exist for geometry only.
    /// </summary>
    public override SqlFragment InputColumn(SqlFragment column, Column type) =>
        type.Type == SqlType.Geography ? SqlFragment.Atom($"ST_SetSRID(CAST({column.Text} AS geometry), 4326)") : column;

    public override SqlBlock DropTemporaryTable(string name) => new SqlBlock().Line($"DROP TABLE IF EXISTS pg_temp.{name}");

    public override SqlBlock DropView(string name) => new SqlBlock().Line($"DROP VIEW IF EXISTS pg_temp.{name}");

    /// <summary>A GiST index on each geography column and fresh statistics, so that joins on the temporary table use the index.</summary>
    public override IEnumerable<SqlBlock> AfterMaterialize(string name, Schema schema)
    {
        foreach (var column in schema.Columns.Where(c => c.Type == SqlType.Geography))
            yield return new SqlBlock().Line($"CREATE INDEX ON {name} USING GIST ({Identifier(column.Name)})");
        yield return new SqlBlock().Line($"ANALYZE {name}");
    }

    /// <summary>
    /// GiST indexes; each part of ST_Dump cut on its own (ST_Subdivide keeps only the highest
    /// dimension of a collection).
    /// </summary>
    public override SpatialIndexing SpatialIndexing { get; } = new()
    {
        SpatialIndex = "CREATE INDEX ON {0} USING GIST ({1})",
        GeodesicKey = "({0}::geography)",
        KeyIndex = "CREATE INDEX ON {0} ({1})",
        Analyze = "ANALYZE {0}",
        Parts = "ST_Dump({0})",
        Subdivide = "ST_Subdivide({0}, {1})",
        // <-> between geographies is the distance on the sphere (what the GiST index orders by);
        // ST_DWithin with use_spheroid false measures the same way.
        NearestOrder = "{0} <-> {1}",
        NearestWithin = "ST_DWithin({0}, {1}, {2}, false)",
    };

    /// <summary>
    /// Stops the script (PL/pgSQL's RAISE, SQLSTATE 3D000 invalid_catalog_name) unless it runs in
    /// the database the table names name: PostgreSQL cannot reach another database, and the cut
    /// name would otherwise read and write other tables than the user named.
    /// </summary>
    public override SqlBlock DatabaseCheck(string database, bool inProcedure)
    {
        var name = Literal(database, SqlType.String).Text;
        var check = new SqlBlock()
            .Line($"IF current_database() <> {name} THEN")
            .Line($"RAISE EXCEPTION 'cwf: the workflow names tables of database %, but the script runs in database %', {name}, current_database()", 2)
            .Line("USING ERRCODE = 'invalid_catalog_name', HINT = 'connect to that database, or leave the database part out of the table names';", 4)
            .Line("END IF");
        if (inProcedure) return check;
        var tag = DollarTag(check.ToString());
        return new SqlBlock().Line("DO " + tag).Line("BEGIN").Append(check.Suffix(";"), 2).Line("END").Line(tag);
    }

    /// <summary>
    /// A transaction-level advisory lock: a run that writes the same tables waits here until this
    /// one commits or rolls back, so that CREATE SCHEMA IF NOT EXISTS and CREATE TABLE of two runs
    /// started at once do not collide in the catalogs (a unique violation).
    /// </summary>
    public override SqlBlock OutputLock(long key, bool inProcedure) =>
        new SqlBlock().Line($"{(inProcedure ? "PERFORM" : "SELECT")} pg_advisory_xact_lock({key.ToString(System.Globalization.CultureInfo.InvariantCulture)})");

    /// <summary>
    /// A data check is a PL/pgSQL block (a DO block; inside a procedure, a nested block) that raises
    /// check_violation (SQLSTATE 23514) with the check's name and measure: RAISE, as documented at
    /// https://www.postgresql.org/docs/current/plpgsql-errors-and-messages.html. The query's columns
    /// win over the block's variable (variable_conflict), so a column named like it still works.
    /// </summary>
    public override IEnumerable<SqlBlock> CheckStatements(CheckQuery check, bool inProcedure)
    {
        var block = new SqlBlock()
            .Line("DECLARE")
            .Line("cwf_measure bigint;", 2)
            .Line("BEGIN")
            .Line("cwf_measure := (", 2)
            .Append(check.Query, 4)
            .Line(");", 2)
            .Line($"IF cwf_measure NOT BETWEEN {check.Low} AND {check.High} THEN", 2)
            .Line($"RAISE EXCEPTION '%', {CheckMessage(check, "cwf_measure")}", 4)
            .Line($"USING ERRCODE = 'check_violation', HINT = {Literal(check.Accepts, SqlType.String).Text};", 6)
            .Line("END IF;", 2)
            .Line("END");
        if (inProcedure) return [block];
        var tag = DollarTag(block.ToString());
        return [new SqlBlock().Line("DO " + tag).Line("#variable_conflict use_column").Append(block).Line(tag)];
    }

    /// <summary>A dollar quote (<c>$cwf$</c>, <c>$cwf1$</c>, ...) that does not occur in <paramref name="body"/>.</summary>
    private static string DollarTag(string body)
    {
        var tag = "$cwf$";
        for (int n = 1; body.Contains(tag, StringComparison.Ordinal); n++) tag = $"$cwf{n}$";
        return tag;
    }

    public override SqlBlock Procedure(string name, IReadOnlyList<ProcedureArgument> arguments, SqlBlock statements)
    {
        var tag = DollarTag(statements.ToString());
        return ArgumentList("CREATE OR REPLACE PROCEDURE " + name, arguments, defaults: true)
            .Line("LANGUAGE plpgsql")
            .Line("AS " + tag)
            .Line("BEGIN")
            .Append(statements, 2)
            .Line("END")
            .Line(tag);
    }

    public override string ProcedureCall(string name, IReadOnlyList<ProcedureArgument> arguments) => $"CALL {name}()";
}
