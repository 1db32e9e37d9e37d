using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// Amazon Redshift: geography is stored as GEOMETRY in SRID 4326 (Redshift's GEOGRAPHY only
/// measures); meters come from a GEOGRAPHY cast, measured on the spheroid (ST_DistanceSphere
/// would measure on a sphere, up to 0.56% off). Names fold to lower case even when quoted.
/// </summary>
public sealed class RedshiftDialect : Dialect
{
    public override string Name => "redshift";
    public override string DisplayName => "Amazon Redshift";
    public override ImmutableArray<string> Aliases => ["rs"];
    public override IdentifierCase IdentifierCase => IdentifierCase.Insensitive;

    /// <summary>The schema the toolbox's installation creates (spec/dialects.md).</summary>
    public override TableName? DefaultToolbox { get; } = new(["carto"]);

    /// <summary>
    /// The data module's <c>variables</c>: a VARCHAR holding JSON, an object whose <c>variables</c> is an array of
    /// [column, aggregation] pairs, as the reference page's ENRICH_POINTS and ENRICH_POLYGONS examples pass it:
    /// <c>'{"variables":[["c","sum"]]}'</c>.
    /// </summary>
    public override string? ToolboxVariables(IReadOnlyList<ToolboxVariable> variables) =>
        Literal(System.Text.Json.JsonSerializer.Serialize(new { variables = variables.Select(v => new[] { v.Column, v.Aggregation }) }), SqlType.String).Text;

    public override SqlLexicalRules LexicalRules { get; } = new() { BackslashEscapes = true, DollarQuotes = true, TaggedDollarQuotes = true, EscapeStringPrefix = true, NestedBlockComments = true };

    public override DialectCapabilities Capabilities { get; } = new()
    {
        TemporaryTables = true,
        Views = true,
        StoredProcedures = true,
        BeginTransaction = "BEGIN",
        CommitTransaction = "COMMIT",
        TransactionalDdl = true,
        MaxIdentifierBytes = 127,
        SpatialJoinsNeedIndex = true,
    };

    public override bool StringsHoldNul => false;

    /// <summary>
    /// Every literal takes backslash escapes (PostgreSQL 8.0's rules): a quote is doubled, a backslash
    /// doubled, <c>\n \r \t</c> and the other C0 controls and DEL as octal bytes <c>\ooo</c>; there is
    /// no <c>\u</c>, so C1 controls and line separators stay as they are.
    /// </summary>
    protected override SqlFragment StringLiteral(string s) => SqlFragment.Atom(EscapedString(s, "''", c => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        < ' ' or '\u007F' => "\\" + Convert.ToString(c, 8).PadLeft(3, '0'),
        _ => null,
    }));

    public override string? TypeName(SqlType type) => type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "DOUBLE PRECISION",
        SqlType.Decimal => "DECIMAL(38, 9)",
        // VARCHAR alone is 256 bytes.
        SqlType.String => "VARCHAR(65535)",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP",
        SqlType.Geography => "GEOMETRY",
        _ => null,
    };

    /// <summary>Views are bound to the tables they read: DROP TABLE ... CASCADE drops them with it.</summary>
    public override IEnumerable<SqlBlock>? CreateTableAsDroppingDependents(string table, SqlBlock query) => DropCascadeAndCreateTableAs(table, query);

    // ST_Distance of two GEOGRAPHY points is geodesic on the spheroid of their SRID (4326: WGS84).
    private const string GeodesicDistance = "ST_Distance(CAST({0} AS GEOGRAPHY), CAST({1} AS GEOGRAPHY))";

    private static readonly string UtmBuffer =
        "ST_Transform(ST_Buffer(ST_Transform({0}, " + UtmZoneSrid("ST_X(ST_Centroid({0}))", "ST_Y(ST_Centroid({0}))") + "), {1}, 32), 4326)";

    // SUBSTRING reads a start below 1 as standard SQL does. The INT-returning functions are cast
    // back to the IR's int64.
    /// <summary>Redshift has no set-returning ST_Dump and no lateral join over an array of geometries.</summary>
    public override ExplodeSql GeometryParts { get; } = ExplodeSql.NotAvailable(
        "Redshift has no function giving the parts of a geometry as rows (no ST_Dump, no lateral join over an array of geometries)",
        "split the parts in custom SQL: join a table of the numbers 1 to the largest ST_NumGeometries(geo) and take ST_GeometryN(geo, n)");

    /// <summary>The toolbox's ST_VORONOIPOLYGONS / ST_DELAUNAYPOLYGONS give one GeoJSON collection, which Redshift cannot make rows of.</summary>
    public override ExplodeSql Tessellation(ExplodeKind kind) => ExplodeSql.NotAvailable(
        $"the CARTO Analytics Toolbox computes the {TessellationName(kind)} as one GeoJSON geometry, and Redshift cannot make rows of its parts (no ST_Dump)",
        "run the workflow on PostgreSQL/PostGIS or BigQuery, or call the toolbox in a custom SQL step and split the result there");
    // Redshift's H3_Polyfill and the toolbox's Quadbin sets return SUPER arrays, which only a FROM-clause
    // navigation over a column can unnest: no lateral join over a function's result.
    protected override ExplodeSql CellSet(ExplodeKind kind) => ExplodeSql.NotAvailable(
        $"Redshift cannot join the elements of an array a function returns as rows (its PartiQL unnesting reads a column), so it cannot list {CellSetName(kind)}",
        "store the array in a column first (custom SQL: H3_Polyfill(geo, res), or the toolbox's QUADBIN_POLYFILL), then unnest it with FROM t AS l, l.cells AS cell");

    public override FunctionMap Functions { get; } = StandardFunctionsWithOgc(name => name).With(
        (F.Substr, FunctionMapping.Sql("SUBSTRING({0} FROM {1})", "SUBSTRING({0}, {1}, {2})")),
        (F.StartsWith, "LEFT({0}, LENGTH({1})) = {1}"),
        (F.EndsWith, "RIGHT({0}, LENGTH({1})) = {1}"),
        // LOG is the base-10 logarithm on Redshift.
        (F.Log10, "LOG({0})"),
        (F.Point, "ST_SetSRID(ST_Point({0}, {1}), 4326)"),
        (F.GeogFromText, "ST_GeomFromText({0}, 4326)"),
        (F.GeogFromGeoJson, "ST_GeomFromGeoJSON({0})"),
        (F.Buffer, FunctionMapping.Sql(UtmBuffer).WithNote(UtmBufferNote("Redshift buffers GEOMETRY only, in coordinate units"))),
        (F.Area, "ST_Area(CAST({0} AS GEOGRAPHY))"),
        (F.LengthMeters, "ST_Length(CAST({0} AS GEOGRAPHY))"),
        (F.Perimeter, "ST_Perimeter(CAST({0} AS GEOGRAPHY))"),
        (F.NumPoints, "ST_NPoints({0})"),
        (F.NumGeometries, "ST_NumGeometries({0})"),
        (F.GeometryType, "ST_GeometryType({0})"),
        (F.PointN, "ST_PointN({0}, {1})"),
        (F.MakeLine, "ST_MakeLine({0}, {1})"),
        (F.MakePolygon, "ST_MakePolygon({0})"),
        (F.Envelope, "ST_Envelope({0})"),
        (F.MakeEnvelope, "ST_MakeEnvelope({0}, {1}, {2}, {3}, 4326)"),
        (F.AsGeoJson, FunctionMapping.Sql("ST_AsGeoJSON({0})").WithNote(GeoJsonFormatNote("Redshift's ST_AsGeoJSON, 15 digits"))),
        (F.LineInterpolatePoint, "ST_LineInterpolatePoint({0}, {1})"),
        (F.Destination, Missing("Redshift", "function for the destination point at a distance and bearing (no ST_Project)",
            "compute it on the sphere with SIN, COS and ATAN2 in a custom SQL step")),
        (F.Intersection, "ST_Intersection({0}, {1})"),
        (F.Difference, "ST_Difference({0}, {1})"),
        (F.Boundary, "ST_Boundary({0})"),
        (F.ConvexHull, "ST_ConvexHull({0})"),
        (F.ConcaveHull, Missing("Redshift", "ST_ConcaveHull", "use the convex hull")),
        (F.Polygonize, Missing("Redshift", "ST_Polygonize", "build the polygons with ST_MakePolygon from closed lines in a custom SQL step")),
        (F.Simplify, FunctionMapping.Sql("ST_Simplify({0}, " + ToleranceInDegrees + ")").WithNote(FunctionNote.Limited(
            "Redshift's ST_Simplify is Douglas-Peucker without topology preservation: rings may touch or collapse where the IR keeps them apart"))),
        (F.SnapToGrid, Missing("Redshift", "ST_SnapToGrid", "round the coordinates in a custom SQL step")),
        (F.RemoveHoles, Missing("Redshift", "function that rebuilds a multipolygon from its exterior rings",
            "for single polygons, ST_MakePolygon(ST_ExteriorRing(g)) in a custom SQL step")),
        (F.GridPoints, Missing("Redshift", "grid of points function (the product's create grid runs on BigQuery and PostgreSQL)", "write the grid in a custom SQL step from a series of numbers over the extent")),
        (F.GeneratePoints, Missing("Redshift", "function for random points in a polygon", "draw points in the bounding box with RANDOM() and keep those inside (ST_Contains) in a custom SQL step")),
        // H3_FromPoint gives a BIGINT cell; the IR's cell id is the lower-case hex string.
        (F.H3FromPoint, "LOWER(TO_HEX(H3_FromPoint({0}, {1})))"),
        (F.H3Boundary, "ST_SetSRID(H3_Boundary({0}), 4326)"),
        (F.H3Center, "ST_SetSRID(H3_Center({0}), 4326)"),
        (F.H3Resolution, "H3_Resolution({0})"),
        (F.H3IsValid, "H3_IsValid({0})"),
        (F.H3ToParent, "LOWER(TO_HEX(H3_ToParent({0}, {1})))"),
        (F.H3Distance, Missing("Redshift", "H3 grid distance function", "compute it where the data is loaded, or compare the cells' centers with st_distance")),
        // DATEADD returns a timestamp for a date too, and takes an INTEGER count.
        (F.AddMonths, FunctionMapping.Temporal("CAST(DATEADD(month, CAST({1} AS INTEGER), {0}) AS DATE)", "DATEADD(month, CAST({1} AS INTEGER), {0})")),
        (F.AddDays, FunctionMapping.Temporal("{0} + CAST({1} AS INTEGER)", "DATEADD(day, CAST({1} AS INTEGER), {0})")),
        (F.AddSeconds, "DATEADD(second, CAST({1} AS INTEGER), {0})"),
        (F.DateDiffDays, "DATEDIFF(day, {0}, {1})"),
        // DOW counts from Sunday = 0.
        (F.DayOfWeek, "(CAST(EXTRACT(DOW FROM {0}) AS INTEGER) + 6) % 7 + 1"),
        (F.GenerateUuid, FunctionMapping.NotAvailable("Redshift has no UUID function",
            "generate the identifiers where the data is loaded, or build one from MD5 of the row's key columns in a custom SQL step")),
        // SYSDATE is the start of the transaction in the session's time zone (UTC unless set otherwise).
        (F.CurrentDate, "CAST(SYSDATE AS DATE)"),
        (F.CurrentTimestamp, "SYSDATE"))
        .With(QuadbinToolbox())
        .With(PointDistances(GeodesicDistance, "ST_Distance of GEOGRAPHY"))
        .WithCastResult([F.Length, F.StrPos, F.NumPoints, F.NumGeometries, F.H3Resolution, .. DateFieldsAndTruncations]);

    /// <summary>
    /// CREATE TABLE AS has no IF NOT EXISTS on Redshift: when the output's schema is unknown, the
    /// query's columns go into a temporary table over zero rows, which the output's table copies
    /// with <c>CREATE TABLE IF NOT EXISTS t (LIKE ...)</c>. The names of the emitter's own
    /// relations never start with <c>cwf__</c>, so the scratch name cannot clash with them.
    /// </summary>
    public override IEnumerable<SqlBlock> CreateTableForAppend(string table, Schema schema, SqlBlock query)
    {
        if (HasStoredTypes(schema)) return base.CreateTableForAppend(table, schema, query);
        const string columns = "cwf__append_columns";
        return
        [
            new SqlBlock().Line($"CREATE TEMPORARY TABLE {columns} AS").Append(ZeroRows(query)),
            new SqlBlock().Line($"CREATE TABLE IF NOT EXISTS {table} (LIKE {columns})"),
            new SqlBlock().Line($"DROP TABLE {columns}"),
        ];
    }

    /// <summary>Redshift's ST_Collect aggregate needs inputs of one dimension, and Redshift has no repair for the overlaps of a collection.</summary>
    private static readonly FunctionNote RedshiftCollect = FunctionNote.Limited(
        "Redshift's ST_Collect aggregate takes geometries of one dimension only (mixed points and polygons are an error) and keeps overlapping polygons as they are, where the IR repairs such a collection");

    /// <summary>SUM of BIGINT may widen to NUMERIC.</summary>
    public override AggregateMap Aggregates { get; } = AggregateMap.Standard.WithIntegerResultCast(AggregateFunction.Sum)
        .WithBooleanMinMax("BOOL_AND({0})", "BOOL_OR({0})")
        .WithSpatial(
            (AggregateFunction.Union, Missing("Redshift", "union aggregate (no ST_Union)", "collect the shapes with st_collect (overlaps are then not dissolved), or union them in a custom SQL step")),
            (AggregateFunction.Collect, FunctionMapping.Sql("ST_Collect({0})").WithNote(RedshiftCollect)),
            (AggregateFunction.Extent, FunctionMapping.Sql("ST_Envelope(ST_Collect({0}))").WithNote(RedshiftCollect)),
            (AggregateFunction.ConvexHull, FunctionMapping.Sql("ST_ConvexHull(ST_Collect({0}))").WithNote(RedshiftCollect)),
            (AggregateFunction.Centroid, FunctionMapping.Sql("ST_Centroid(ST_Collect({0}))").WithNote(RedshiftCollect)),
            (AggregateFunction.MakeLine, FunctionMapping.Sql("ST_LineFromMultiPoint(ST_Collect({0}) WITHIN GROUP (ORDER BY {1}))").WithNote(FunctionNote.Limited(
                "the line is built from the collected points (ST_LineFromMultiPoint): lines among the inputs are an error there, and a line through one place is not repaired"))));

    internal override int LikePattern(Expr pattern, ExpressionWriter writer) => BackslashesDoubled(pattern, writer);

    /// <summary>FULL JOIN on any condition is not confirmed for Redshift: the left join + anti join form is correct everywhere.</summary>
    internal override SqlBlock NonEquiFullJoin(JoinNode join, QueryWriter writer) => writer.LeftJoinPlusUnmatchedRight(join);

    public override GeographyGrouping GeographyGrouping => GeographyGrouping.ByBinary;

    /// <summary>
    /// Source geometries are read in SRID 4326, as outputs are written: a table loaded without an
    /// SRID holds SRID 0, which ST_Transform, ST_DistanceSphere and the GEOGRAPHY cast reject, and
    /// which fails every predicate against the SRID-4326 points the workflow makes.
    /// </summary>
    public override SqlFragment InputColumn(SqlFragment column, Column type) =>
        type.Type == SqlType.Geography ? SqlFragment.Atom($"ST_SetSRID({column.Text}, 4326)") : column;

    /// <summary>
    /// Redshift has no DO block and no error function: a data check is a stored procedure that
    /// RAISEs (https://docs.aws.amazon.com/redshift/latest/dg/c_PLpgSQL-statements.html#r_PLpgSQL-messages-errors),
    /// created, called and dropped; inside a procedure, a nested block. RAISE takes variables as its arguments.
    /// </summary>
    public override IEnumerable<SqlBlock> CheckStatements(CheckQuery check, bool inProcedure)
    {
        var block = new SqlBlock()
            .Line("DECLARE")
            .Line("cwf_measure bigint;", 2)
            .Line($"cwf_check varchar(65535) := {Literal(check.Check, SqlType.String).Text};", 2)
            .Line("BEGIN")
            .Line("cwf_measure := (", 2)
            .Append(check.Query, 4)
            .Line(");", 2)
            .Line($"IF cwf_measure NOT BETWEEN {check.Low} AND {check.High} THEN", 2)
            .Line("RAISE EXCEPTION 'check % failed: % rows', cwf_check, cwf_measure;", 4)
            .Line("END IF;", 2)
            .Line("END");
        if (inProcedure) return [block];
        var name = $"cwf_check_{check.Ordinal}";
        return
        [
            new SqlBlock().Line($"CREATE OR REPLACE PROCEDURE {name}()").Line("AS $$").Append(block.Suffix(";")).Line("$$ LANGUAGE plpgsql"),
            new SqlBlock().Line($"CALL {name}()"),
            new SqlBlock().Line($"DROP PROCEDURE {name}()"),
        ];
    }

    public override string? CheckProblem(CheckQuery check) =>
        (check.Query.ToString() + check.Check).Contains("$$", StringComparison.Ordinal)
            ? $"The data check {check.Check} contains $$, which ends the Redshift procedure body it runs in." : null;

    public override string? ProcedureBodyProblem(string body) =>
        body.Contains("$$", StringComparison.Ordinal) ? "The procedure body contains $$, which ends a Redshift procedure body." : null;

    public override SqlBlock Procedure(string name, IReadOnlyList<ProcedureArgument> arguments, SqlBlock statements) =>
        ArgumentList("CREATE OR REPLACE PROCEDURE " + name, arguments, defaults: false)
            .Line("AS $$")
            .Line("BEGIN")
            .Append(statements, 2)
            .Line("END;")
            .Line("$$ LANGUAGE plpgsql");

    /// <summary>QUALIFY (2023); the relation read needs an alias, which the query gives it.</summary>
    internal override IReadOnlyList<string>? Qualify(string condition) => ["QUALIFY " + condition];

    /// <summary>LAG and LEAD take no default on Redshift.</summary>
    internal override bool WindowOffsetDefaults => false;

    /// <summary>Redshift needs a frame for an aggregate (or first_value, last_value) over an ordered window, and has only ROWS frames.</summary>
    internal override bool DefaultWindowFrames => false;
}
