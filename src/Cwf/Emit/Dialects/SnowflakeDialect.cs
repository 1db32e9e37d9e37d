using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// Snowflake: a geodesic GEOGRAPHY type (meters), native H3, and upper-case folding of
/// unquoted names. The quoting rule keeps the names the user wrote working: a plain name is
/// written bare, so it matches the upper-case name an unquoted CREATE stored (revenue finds
/// REVENUE); a plain name that is a reserved word is quoted in upper case, which is what the
/// bare name would mean; any other name (spaces, punctuation) can only exist quoted, and is
/// quoted exactly as written.
/// </summary>
public sealed class SnowflakeDialect : Dialect
{
    public override string Name => "snowflake";
    public override string DisplayName => "Snowflake";
    public override ImmutableArray<string> Aliases => ["sf"];
    public override IdentifierCase IdentifierCase => IdentifierCase.Upper;

    /// <summary>The database and schema the toolbox's Marketplace app installs (spec/dialects.md).</summary>
    public override TableName? DefaultToolbox { get; } = new(["CARTO", "CARTO"]);
    protected override string ToolboxExample => "MYDB.CARTO";

    /// <summary>The data module's ARRAY of OBJECTs with fields <c>column</c> and <c>aggregation</c>: <c>ARRAY_CONSTRUCT(OBJECT_CONSTRUCT('column', 'c', 'aggregation', 'sum'))</c>.</summary>
    public override string? ToolboxVariables(IReadOnlyList<ToolboxVariable> variables) =>
        "ARRAY_CONSTRUCT(" + string.Join(", ", variables.Select(v =>
            $"OBJECT_CONSTRUCT('column', {Literal(v.Column, SqlType.String).Text}, 'aggregation', {Literal(v.Aggregation, SqlType.String).Text})")) + ")";

    /// <summary>An ARRAY of VARCHAR: <c>ARRAY_CONSTRUCT('a', 'b')</c>.</summary>
    public override string? ToolboxTextArray(IReadOnlyList<string> items) => "ARRAY_CONSTRUCT(" + string.Join(", ", items.Select(i => Literal(i, SqlType.String).Text)) + ")";

    public override SqlLexicalRules LexicalRules { get; } = new() { BackslashEscapes = true, DollarQuotes = true, DoubleSlashComments = true };

    public override DialectCapabilities Capabilities { get; } = new()
    {
        TemporaryTables = true,
        TemporaryViews = true,
        Views = true,
        StoredProcedures = true,
        // A bare BEGIN could open a scripting block.
        BeginTransaction = "BEGIN TRANSACTION",
        CommitTransaction = "COMMIT",
        MaxIdentifierBytes = 255,
        MetricDWithin = true,
        DWithinFasterThanBuffer = true,
        SharedCtesEvaluatedOnce = true,
    };

    /// <summary>A quote is <c>\'</c>, a backslash <c>\\</c> (a backslash before any other character is dropped), control characters are escapes.</summary>
    protected override SqlFragment StringLiteral(string s) => SqlFragment.Atom(EscapedString(s, "\\'", BackslashEscape));

    public override string Identifier(string name) =>
        IsPlainWord(name) && IsReserved(name) ? Quote(name.ToUpperInvariant()) : base.Identifier(name);

    public override string? TypeName(SqlType type) => type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "FLOAT",
        SqlType.Decimal => "NUMBER(38, 9)",
        SqlType.String => "VARCHAR",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP_NTZ",
        SqlType.Geography => "GEOGRAPHY",
        _ => null,
    };

    protected override SqlFragment FloatLiteral(double d) =>
        double.IsInfinity(d) ? SqlFragment.Atom($"CAST('{(d > 0 ? "inf" : "-inf")}' AS FLOAT)") : base.FloatLiteral(d);

    // ST_BUFFER exists for GEOMETRY only, in the units of its SRID: buffer in the UTM zone of
    // the centroid and convert back.
    private static readonly string UtmBuffer =
        "TO_GEOGRAPHY(ST_ASWKB(ST_TRANSFORM(ST_BUFFER(ST_TRANSFORM(TO_GEOMETRY(ST_ASWKB({0}), 4326), " +
        UtmZoneSrid("ST_X(ST_CENTROID({0}))", "ST_Y(ST_CENTROID({0}))") + "), " + EqualAreaBufferRadius + "), 4326)))";

    /// <summary>Snowflake has no ST_DUMP: the GeoJSON of a multi-geometry is flattened into its coordinate arrays (of a collection into its members), each made a geography again.</summary>
    public override ExplodeSql GeometryParts { get; } = ExplodeSql.Lateral(
        "CROSS JOIN LATERAL FLATTEN(INPUT => CASE WHEN GET(ST_ASGEOJSON({0}), 'type')::STRING LIKE 'Multi%' THEN GET(ST_ASGEOJSON({0}), 'coordinates') " +
        "WHEN GET(ST_ASGEOJSON({0}), 'type')::STRING = 'GeometryCollection' THEN GET(ST_ASGEOJSON({0}), 'geometries') ELSE ARRAY_CONSTRUCT(ST_ASGEOJSON({0})) END) AS cwf_part",
        "CASE WHEN GET(ST_ASGEOJSON({0}), 'type')::STRING LIKE 'Multi%' " +
        "THEN TO_GEOGRAPHY(OBJECT_CONSTRUCT('type', SUBSTR(GET(ST_ASGEOJSON({0}), 'type')::STRING, 6), 'coordinates', cwf_part.VALUE)) ELSE TO_GEOGRAPHY(cwf_part.VALUE) END") with
    {
        Note = FunctionNote.Limited("opens one level of collections (through GeoJSON): a collection nested in a collection stays one part, where PostGIS opens it too"),
    };

    /// <summary>The toolbox's functions here take and give arrays of GeoJSON text, which cwf does not write yet.</summary>
    public override ExplodeSql Tessellation(ExplodeKind kind) => ExplodeSql.NotAvailable(
        $"cwf does not write the CARTO Analytics Toolbox's {TessellationName(kind)} on Snowflake (its functions take and return arrays of GeoJSON text, with coordinates truncated to 5 decimals)",
        "run the workflow on PostgreSQL/PostGIS or BigQuery, or call CARTO.CARTO.ST_VORONOIPOLYGONS / ST_DELAUNAYPOLYGONS in a custom SQL step");
    // H3 sets are Snowflake's own (arrays of strings); the toolbox's H3_POLYFILL takes a mode for the cells wholly inside.
    protected override ExplodeSql CellSet(ExplodeKind kind) => kind switch
    {
        ExplodeKind.H3PolyfillCenter => Flatten("H3_POLYGON_TO_CELLS_STRINGS({0}, {1})", "CAST(cwf_cell.value AS VARCHAR)"),
        ExplodeKind.H3PolyfillIntersects => Flatten("H3_COVERAGE_STRINGS({0}, {1})", "CAST(cwf_cell.value AS VARCHAR)") with
        {
            Note = FunctionNote.Limited("covers the polygon with its edges drawn as geodesics (H3_COVERAGE), while the IR draws them straight on lon/lat: cells at the edge of a long east-west edge may differ"),
        },
        ExplodeKind.H3PolyfillContains => Flatten("{toolbox}.H3_POLYFILL({0}, {1}, 'contains')", "CAST(cwf_cell.value AS VARCHAR)"),
        ExplodeKind.H3KRing => Flatten("H3_GRID_DISK({0}, {1})", "CAST(cwf_cell.value AS VARCHAR)") with { Distance = "H3_GRID_DISTANCE({0}, CAST(cwf_cell.value AS VARCHAR))" },
        ExplodeKind.H3Children => Flatten("H3_CELL_TO_CHILDREN_STRING({0}, {1})", "CAST(cwf_cell.value AS VARCHAR)"),
        _ => QuadbinToolboxSet(kind, array => $"CROSS JOIN LATERAL FLATTEN(INPUT => {array}) AS cwf_cell", "CAST(cwf_cell.value AS BIGINT)",
            "CAST(cwf_cell.value:index AS BIGINT)", "CAST(cwf_cell.value:distance AS BIGINT)"),
    };

    private static ExplodeSql Flatten(string array, string element) => ExplodeSql.Lateral($"CROSS JOIN LATERAL FLATTEN(INPUT => {array}) AS cwf_cell", element);

    public override FunctionMap Functions { get; } = StandardFunctionsWithOgc(name => name.ToUpperInvariant()).With(
        (F.StartsWith, "STARTSWITH({0}, {1})"),
        (F.EndsWith, "ENDSWITH({0}, {1})"),
        (F.StrPos, "CHARINDEX({1}, {0})"),
        (F.Log10, "LOG(10, {0})"),
        (F.Point, "ST_MAKEPOINT({0}, {1})"),
        (F.AsText, "ST_ASWKT({0})"),
        (F.GeogFromText, "TO_GEOGRAPHY({0})"),
        (F.GeogFromGeoJson, "TO_GEOGRAPHY({0})"),
        (F.Buffer, FunctionMapping.Sql(UtmBuffer).WithNote(UtmBufferNote("Snowflake buffers GEOMETRY only, in SRID units"))),
        (F.Area, "ST_AREA({0})"),
        (F.LengthMeters, "ST_LENGTH({0})"),
        (F.Distance, "ST_DISTANCE({0}, {1})"),
        (F.DWithin, "ST_DWITHIN({0}, {1}, {2})"),
        (F.Perimeter, "ST_PERIMETER({0})"),
        (F.NumPoints, "ST_NPOINTS({0})"),
        (F.NumGeometries, Missing("Snowflake", "ST_NUMGEOMETRIES for GEOGRAPHY",
            "count the members of the GeoJSON (ARRAY_SIZE of ST_ASGEOJSON(g):coordinates or :geometries) in a custom SQL step")),
        (F.GeometryType, "'ST_' || CAST(GET(ST_ASGEOJSON({0}), 'type') AS VARCHAR)"),
        (F.PointN, "ST_POINTN({0}, {1})"),
        (F.MakeLine, "ST_MAKELINE({0}, {1})"),
        (F.MakePolygon, "ST_MAKEPOLYGON({0})"),
        (F.Envelope, FunctionMapping.Sql("ST_ENVELOPE({0})").WithNote(GeodesicEdgesNote("Snowflake's ST_ENVELOPE of a GEOGRAPHY"))),
        (F.MakeEnvelope, FunctionMapping.Sql(
            "ST_MAKEPOLYGON(ST_MAKELINE(ST_MAKELINE(ST_MAKELINE(ST_MAKEPOINT({0}, {1}), ST_MAKEPOINT({0}, {3})), ST_MAKELINE(ST_MAKEPOINT({2}, {3}), ST_MAKEPOINT({2}, {1}))), ST_MAKEPOINT({0}, {1})))")
            .WithNote(GeodesicEdgesNote("the box is a polygon of four geodesic edges"))),
        (F.AsGeoJson, FunctionMapping.Sql("TO_VARCHAR(ST_ASGEOJSON({0}))").WithNote(GeoJsonFormatNote("an OBJECT written as text"))),
        (F.LineInterpolatePoint, Missing("Snowflake", "ST_LINEINTERPOLATEPOINT", "compute the point in a custom SQL step, or where the data is loaded")),
        (F.Destination, Missing("Snowflake", "function for the destination point at a distance and bearing",
            "the CARTO Analytics Toolbox for Snowflake has ST_DESTINATION: call it in a custom SQL step")),
        (F.Intersection, "ST_INTERSECTION({0}, {1})"),
        (F.Difference, "ST_DIFFERENCE({0}, {1})"),
        (F.Boundary, Missing("Snowflake", "ST_BOUNDARY for GEOGRAPHY", "convert with TO_GEOMETRY in a custom SQL step where the GEOMETRY functions suffice")),
        (F.ConvexHull, Missing("Snowflake", "ST_CONVEXHULL", "the CARTO Analytics Toolbox for Snowflake has ST_CONVEXHULL: call it in a custom SQL step")),
        (F.Polygonize, Missing("Snowflake", "function that makes polygons of linework", "build the polygons with ST_MAKEPOLYGON from closed lines in a custom SQL step")),
        (F.ConcaveHull, Missing("Snowflake", "concave hull", "the CARTO Analytics Toolbox for Snowflake has ST_CONCAVEHULL (points and a maximum edge length): call it in a custom SQL step")),
        (F.Simplify, FunctionMapping.Sql("ST_SIMPLIFY({0}, {1})").WithNote(GeodesicSimplifyNote("Snowflake's ST_SIMPLIFY of a GEOGRAPHY"))),
        (F.SnapToGrid, Missing("Snowflake", "ST_SNAPTOGRID", "round the coordinates in a custom SQL step")),
        (F.RemoveHoles, Missing("Snowflake", "function that drops the holes of a polygon (no exterior ring accessor for GEOGRAPHY)",
            "rebuild the polygons from the first ring of each in their GeoJSON in a custom SQL step")),
        (F.GridPoints, Missing("Snowflake", "grid of points function (the product's create grid runs on BigQuery and PostgreSQL)", "write the grid in a custom SQL step from a series of numbers over the extent")),
        (F.GeneratePoints, Missing("Snowflake", "function for random points in a polygon", "draw points in the bounding box with UNIFORM and keep those inside (ST_CONTAINS) in a custom SQL step")),
        (F.Touches, FunctionMapping.NotAvailable(
            "Snowflake has no ST_TOUCHES",
            "use the intersects predicate, or a custom SQL step with an equivalent test")),
        (F.H3FromPoint, "H3_POINT_TO_CELL_STRING({0}, {1})"),
        (F.H3Boundary, "H3_CELL_TO_BOUNDARY({0})"),
        (F.H3Center, "H3_CELL_TO_POINT({0})"),
        (F.H3Resolution, "H3_GET_RESOLUTION({0})"),
        (F.H3IsValid, "H3_IS_VALID_CELL({0})"),
        (F.H3ToParent, "H3_CELL_TO_PARENT({0}, {1})"),
        (F.H3Distance, "H3_GRID_DISTANCE({0}, {1})"),
        // DATEADD keeps a date a date and clamps the day to the month's end (ADD_MONTHS would keep month ends at month ends).
        (F.AddMonths, "DATEADD(MONTH, {1}, {0})"),
        (F.AddDays, "DATEADD(DAY, {1}, {0})"),
        (F.AddSeconds, "DATEADD(SECOND, {1}, {0})"),
        (F.DateDiffDays, "DATEDIFF(DAY, {0}, {1})"),
        (F.Week, "WEEKISO({0})"),
        (F.DayOfWeek, "DAYOFWEEKISO({0})"),
        (F.DayOfYear, "DAYOFYEAR({0})"),
        (F.Second, "EXTRACT(SECOND FROM {0})"),
        (F.GenerateUuid, "UUID_STRING()"),
        // SYSDATE() is the current time in UTC, as TIMESTAMP_NTZ.
        (F.CurrentDate, "CAST(SYSDATE() AS DATE)"),
        (F.CurrentTimestamp, "SYSDATE()"))
        .With(QuadbinToolbox());

    /// <summary>MIN and MAX take no BOOLEAN: the boolean aggregates mean the same.</summary>
    public override AggregateMap Aggregates { get; } = AggregateMap.Standard.WithBooleanMinMax("BOOLAND_AGG({0})", "BOOLOR_AGG({0})")
        .WithSpatial(
            (AggregateFunction.Union, FunctionMapping.Sql("ST_UNION_AGG({0})").WithNote(GeodesicEdgesNote("Snowflake's ST_UNION_AGG of GEOGRAPHY values"))),
            (AggregateFunction.Collect, FunctionMapping.Sql("ST_COLLECT({0})").WithNote(FunctionNote.Limited(
                "Snowflake's ST_COLLECT keeps overlapping polygons as they are, where the IR repairs such a collection (the overlaps merge)"))),
            (AggregateFunction.Extent, FunctionMapping.Sql("ST_ENVELOPE(ST_COLLECT({0}))").WithNote(GeodesicEdgesNote("Snowflake's ST_ENVELOPE of a GEOGRAPHY"))),
            (AggregateFunction.ConvexHull, Missing("Snowflake", "ST_CONVEXHULL", "the CARTO Analytics Toolbox for Snowflake has ST_CONVEXHULL: call it on ST_COLLECT(geom) in a custom SQL step")),
            (AggregateFunction.Centroid, FunctionMapping.Sql("ST_CENTROID(ST_COLLECT({0}))").WithNote(FunctionNote.Limited(
                "Snowflake computes the centroid of a GEOGRAPHY on the sphere, the IR on lon/lat"))),
            (AggregateFunction.MakeLine, Missing("Snowflake", "ordered line aggregate (ST_MAKELINE takes two geographies)", "build the line in a custom SQL step")));

    public override GeographyGrouping GeographyGrouping { get; } = GeographyGrouping.ByBinary with { Key = "ST_ASWKB({0})" };

    /// <summary>
    /// LIMIT takes only an integer constant, not a bind variable: the rows are numbered. ROW_NUMBER
    /// requires an ORDER BY in its window; an unsorted input is numbered in no particular order.
    /// </summary>
    internal override SqlBlock ArgumentLimit(LimitNode limit, QueryWriter writer) => writer.NumberedLimit(limit, unsortedOrder: UnorderedWindow);

    /// <summary>ROW_NUMBER requires an ORDER BY in its window: a constant one numbers the rows in no particular order.</summary>
    public override string UnorderedWindow => "ORDER BY 1";

    protected override bool CreatesOrReplacesTables => true;

    /// <summary>Snowflake Scripting reads an argument inside a SQL statement as a bind variable.</summary>
    public override SqlFragment ProcedureArgumentReference(string argument) => SqlFragment.Atom(":" + argument);

    /// <summary>
    /// Snowflake has no error function: a data check is a Snowflake Scripting block (run with
    /// EXECUTE IMMEDIATE; inside a procedure, a nested block) that RAISEs a declared exception
    /// (https://docs.snowflake.com/en/sql-reference/snowflake-scripting/raise). An exception's message
    /// is a constant, so it names the check and what it accepts, not the measure.
    /// </summary>
    public override IEnumerable<SqlBlock> CheckStatements(CheckQuery check, bool inProcedure)
    {
        var message = Literal($"check {check.Check} failed ({check.Accepts})", SqlType.String).Text;
        var block = new SqlBlock()
            .Line("DECLARE")
            .Line($"cwf_check_failed EXCEPTION (-20001, {message});", 2)
            .Line("cwf_measure INTEGER;", 2)
            .Line("BEGIN")
            .Line($"SELECT cwf_check.{check.Measure} INTO :cwf_measure FROM (", 2)
            .Append(check.Query, 4)
            .Line(") AS cwf_check;", 2)
            .Line($"IF (cwf_measure NOT BETWEEN {check.Low} AND {check.High}) THEN", 2)
            .Line("RAISE cwf_check_failed;", 4)
            .Line("END IF;", 2)
            .Line("END");
        return inProcedure ? [block] : [new SqlBlock().Line("EXECUTE IMMEDIATE $$").Append(block.Suffix(";")).Line("$$")];
    }

    public override string? CheckProblem(CheckQuery check) =>
        (check.Query.ToString() + check.Check).Contains("$$", StringComparison.Ordinal)
            ? $"The data check {check.Check} contains $$, which ends the Snowflake Scripting block it runs in." : null;

    public override string? ProcedureBodyProblem(string body) =>
        body.Contains("$$", StringComparison.Ordinal) ? "The procedure body contains $$, which ends a Snowflake procedure body." : null;

    public override SqlBlock Procedure(string name, IReadOnlyList<ProcedureArgument> arguments, SqlBlock statements) =>
        ArgumentList("CREATE OR REPLACE PROCEDURE " + name, arguments, defaults: true)
            .Line("RETURNS VARCHAR")
            .Line("LANGUAGE SQL")
            .Line("AS")
            .Line("$$")
            .Line("BEGIN")
            .Append(statements, 2)
            .Line("RETURN 'done';", 2)
            .Line("END;")
            .Line("$$");

    public override string ProcedureCall(string name, IReadOnlyList<ProcedureArgument> arguments) => $"CALL {name}()";

    /// <summary>QUALIFY (spec/dialects.md, "Windows").</summary>
    internal override IReadOnlyList<string>? Qualify(string condition) => ["QUALIFY " + condition];
}
