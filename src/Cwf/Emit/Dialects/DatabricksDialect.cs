using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// Databricks SQL (Unity Catalog, DBR 17.1+ for the st_* functions): geography stored as
/// GEOMETRY(4326), meters from the spheroid functions or a GEOGRAPHY conversion, backtick-quoted
/// three-part table names. Temporary tables are in preview only, so temporary views stand in.
/// </summary>
public sealed class DatabricksDialect : Dialect
{
    private static readonly FunctionNote SpatialRuntime = FunctionNote.Requires(
        "Databricks Runtime 17.1+ or a pro/serverless SQL warehouse (st_* functions)",
        "the st_* functions are not available on DBSQL Classic warehouses", Severity.Info);

    private static readonly FunctionNote H3Runtime = FunctionNote.Requires(
        "Photon or a pro/serverless SQL warehouse (h3_* functions)",
        "the h3_* functions are not available on clusters without Photon", Severity.Info);

    public override string Name => "databricks";
    public override string DisplayName => "Databricks";

    /// <summary>Data checks fail the script through raise_error(message): https://docs.databricks.com/en/sql/language-manual/functions/raise_error.html.</summary>
    protected override string? FailFunction => "raise_error";
    public override ImmutableArray<string> Aliases => ["databricksWarehouse", "dbx"];
    public override IdentifierCase IdentifierCase => IdentifierCase.Insensitive;

    /// <summary>The schema the toolbox's installation creates (spec/dialects.md).</summary>
    public override TableName? DefaultToolbox { get; } = new(["carto"]);

    /// <summary>
    /// The data module's <c>variables</c>: a STRING holding a JSON array of objects with fields <c>column</c> and
    /// <c>aggregation</c> (its reference page): <c>'[{"column":"c","aggregation":"sum"}]'</c>.
    /// </summary>
    public override string? ToolboxVariables(IReadOnlyList<ToolboxVariable> variables) =>
        Literal(System.Text.Json.JsonSerializer.Serialize(variables.Select(v => new { column = v.Column, aggregation = v.Aggregation })), SqlType.String).Text;

    public override SqlLexicalRules LexicalRules { get; } = new() { BackslashEscapes = true, DoubleQuotedStrings = true, BacktickIdentifiers = true, RawStrings = true, AdjacentStrings = true, NestedBlockComments = true };

    public override DialectCapabilities Capabilities { get; } = new()
    {
        TemporaryViews = true,
        Views = true,
        StoredProcedures = true,
        MaxIdentifierBytes = 255,
    };

    protected override char QuoteOpen => '`';
    protected override char QuoteClose => '`';
    /// <summary>A quote is <c>\'</c> (a doubled quote is two literals), a backslash <c>\\</c>, control characters are escapes.</summary>
    protected override SqlFragment StringLiteral(string s) => SqlFragment.Atom(EscapedString(s, "\\'", BackslashEscape));

    /// <summary>Table names are quoted part by part: <c>`catalog`.`schema`.`table`</c>.</summary>
    public override string TableName(TableName name) => string.Join(".", name.Parts.Select(Quote));

    public override string? TypeName(SqlType type) => type switch
    {
        SqlType.Int64 => "BIGINT",
        SqlType.Float64 => "DOUBLE",
        SqlType.Decimal => "DECIMAL(38, 9)",
        SqlType.String => "STRING",
        SqlType.Bool => "BOOLEAN",
        SqlType.Date => "DATE",
        SqlType.Timestamp => "TIMESTAMP",
        SqlType.Geography => "GEOMETRY(4326)",
        _ => null,
    };

    private static readonly string UtmBuffer =
        "st_transform(st_buffer(st_transform({0}, " + UtmZoneSrid("st_x(st_centroid({0}))", "st_y(st_centroid({0}))") + "), " + EqualAreaBufferRadius + "), 4326)";

    // Spark's INT-returning functions are cast back to the IR's int64; floor and ceil of a
    // DOUBLE return BIGINT and are cast back to DOUBLE.
    /// <summary>st_dump (Runtime 17.3+) gives the single geometries as an array, which explode turns into rows.</summary>
    public override ExplodeSql GeometryParts { get; } = ExplodeSql.Lateral("LATERAL VIEW explode(st_dump({0})) cwf_dump AS cwf_part", "cwf_dump.cwf_part");

    // Databricks' H3 sets are arrays of strings for string cells; a k-ring entry is a STRUCT<cellid, distance>.
    protected override ExplodeSql CellSet(ExplodeKind kind) => kind switch
    {
        ExplodeKind.H3PolyfillCenter => Explode("h3_polyfillash3string(st_asbinary({0}), CAST({1} AS INT))") with { Note = H3Runtime },
        ExplodeKind.H3PolyfillIntersects => Explode("h3_coverash3string(st_asbinary({0}), CAST({1} AS INT))") with { Note = H3Runtime },
        ExplodeKind.H3PolyfillContains => ExplodeSql.NotAvailable("Databricks has no H3 function for the cells wholly inside a polygon",
            "use mode 'intersects' and keep the cells with st_contains(geo, h3_boundary(cell))"),
        ExplodeKind.H3KRing => ExplodeSql.Lateral("LATERAL VIEW explode(h3_kringdistances({0}, CAST({1} AS INT))) cwf_cells AS cwf_cell", "cwf_cells.cwf_cell.cellid") with
        {
            Distance = "CAST(cwf_cells.cwf_cell.distance AS BIGINT)", Note = H3Runtime,
        },
        ExplodeKind.H3Children => Explode("h3_tochildren({0}, CAST({1} AS INT))") with { Note = H3Runtime },
        _ => QuadbinToolboxSet(kind, array => $"LATERAL VIEW explode({array}) cwf_cells AS cwf_cell", "cwf_cells.cwf_cell",
            "cwf_cells.cwf_cell.index", "CAST(cwf_cells.cwf_cell.distance AS BIGINT)", "CAST({1} AS INT)"),
    };

    private static ExplodeSql Explode(string array) => ExplodeSql.Lateral($"LATERAL VIEW explode({array}) cwf_cells AS cwf_cell", "cwf_cells.cwf_cell");

    public override FunctionMap Functions { get; } = StandardFunctionsWithOgc(name => name.ToLowerInvariant()).With(
        (F.Length, "CHAR_LENGTH({0})"),
        (F.StartsWith, "STARTSWITH({0}, {1})"),
        (F.EndsWith, "ENDSWITH({0}, {1})"),
        (F.StrPos, "INSTR({0}, {1})"),
        (F.Point, "st_point({0}, {1}, 4326)"),
        (F.GeogFromText, "st_geomfromtext({0}, 4326)"),
        (F.GeogFromGeoJson, "st_geomfromgeojson({0})"),
        (F.Buffer, FunctionMapping.Sql(UtmBuffer).WithNote(UtmBufferNote("st_buffer works in coordinate units"))),
        (F.Area, "st_area(st_geogfromwkb(st_asbinary({0})))"),
        (F.LengthMeters, "st_length(st_geogfromwkb(st_asbinary({0})))"),
        (F.Perimeter, "st_perimeter(st_geogfromwkb(st_asbinary({0})))"),
        (F.NumPoints, "st_npoints({0})"),
        (F.NumGeometries, "st_numgeometries({0})"),
        (F.GeometryType, "st_geometrytype({0})"),
        (F.PointN, "st_pointn({0}, CAST({1} AS INT))"),
        (F.MakeLine, "st_makeline(array({0}, {1}))"),
        (F.MakePolygon, "st_makepolygon({0})"),
        (F.Envelope, "st_envelope({0})"),
        (F.MakeEnvelope, "st_makepolygon(st_makeline(array(st_point({0}, {1}, 4326), st_point({0}, {3}, 4326), st_point({2}, {3}, 4326), st_point({2}, {1}, 4326), st_point({0}, {1}, 4326))))"),
        (F.AsGeoJson, FunctionMapping.Sql("st_asgeojson({0})").WithNote(GeoJsonFormatNote("Databricks' st_asgeojson"))),
        (F.LineInterpolatePoint, Missing("Databricks", "st_lineinterpolatepoint", "compute the point in a custom SQL step")),
        (F.Destination, Missing("Databricks", "function for the destination point at a distance and bearing",
            "compute it on the sphere with sin, cos and atan2 in a custom SQL step")),
        (F.Intersection, "st_intersection({0}, {1})"),
        (F.Difference, "st_difference({0}, {1})"),
        (F.Boundary, "st_boundary({0})"),
        (F.ConvexHull, "st_convexhull({0})"),
        (F.ConcaveHull, "st_concavehull({0}, {1})"),
        (F.Polygonize, Missing("Databricks", "function that makes polygons of linework", "build the polygons with st_makepolygon from closed lines in a custom SQL step")),
        (F.Simplify, FunctionMapping.Sql("st_simplify({0}, " + ToleranceInDegrees + ")").WithNote(FunctionNote.Limited(
            "Databricks' st_simplify is Douglas-Peucker without topology preservation: rings may touch or collapse where the IR keeps them apart"))),
        (F.SnapToGrid, Missing("Databricks", "st_snaptogrid", "round the coordinates in a custom SQL step")),
        (F.RemoveHoles, Missing("Databricks", "function that drops the holes of a polygon", "rebuild the polygons from st_exteriorring in a custom SQL step")),
        (F.GridPoints, Missing("Databricks", "grid of points function (the product's create grid runs on BigQuery and PostgreSQL)", "write the grid in a custom SQL step from a series of numbers over the extent")),
        (F.GeneratePoints, Missing("Databricks", "function for random points in a polygon", "draw points in the bounding box with rand(seed) and keep those inside (st_contains) in a custom SQL step")),
        (F.H3FromPoint, FunctionMapping.Sql("h3_longlatash3string(st_x({0}), st_y({0}), CAST({1} AS INT))").WithNote(H3Runtime)),
        (F.H3Boundary, FunctionMapping.Sql("st_geomfromtext(h3_boundaryaswkt({0}), 4326)").WithNote(H3Runtime)),
        (F.H3Center, FunctionMapping.Sql("st_geomfromtext(h3_centeraswkt({0}), 4326)").WithNote(H3Runtime)),
        (F.H3Resolution, FunctionMapping.Sql("h3_resolution({0})").WithNote(H3Runtime)),
        (F.H3IsValid, FunctionMapping.Sql("h3_isvalid({0})").WithNote(H3Runtime)),
        (F.H3ToParent, FunctionMapping.Sql("h3_toparent({0}, CAST({1} AS INT))").WithNote(H3Runtime)),
        (F.H3Distance, FunctionMapping.Sql("h3_try_distance({0}, {1})").WithNote(H3Runtime)),
        (F.AddMonths, FunctionMapping.Temporal("ADD_MONTHS({0}, CAST({1} AS INT))", "TIMESTAMPADD(MONTH, {1}, {0})")),
        (F.AddDays, FunctionMapping.Temporal("DATE_ADD({0}, CAST({1} AS INT))", "TIMESTAMPADD(DAY, {1}, {0})")),
        (F.AddSeconds, "TIMESTAMPADD(SECOND, {1}, {0})"),
        (F.DateDiffDays, "DATEDIFF(CAST({1} AS DATE), CAST({0} AS DATE))"),
        (F.DayOfWeek, "EXTRACT(DAYOFWEEK_ISO FROM {0})"),
        (F.GenerateUuid, "UUID()"),
        // The session's time zone (UTC unless set otherwise); TIMESTAMP is an instant.
        (F.CurrentDate, "CURRENT_DATE()"),
        (F.CurrentTimestamp, "CURRENT_TIMESTAMP()"))
        .With(QuadbinToolbox())
        .With(PointDistances("st_distancespheroid({0}, {1})", "st_distancespheroid"))
        .WithCastResult([F.Length, F.StrPos, F.Floor, F.Ceil, F.NumPoints, F.NumGeometries, F.H3Resolution, .. DateFieldsAndTruncations])
        .WithNote(f => f.Category == FunctionCategory.Spatial || f == F.H3Boundary || f == F.H3Center, SpatialRuntime);

    /// <summary>The spatial aggregates of Databricks' ST functions (Runtime 17.1+; st_collect_agg 19+).</summary>
    public override AggregateMap Aggregates { get; } = AggregateMap.Standard.WithSpatial(
        (AggregateFunction.Union, FunctionMapping.Sql("st_union_agg({0})").WithNote(SpatialRuntime)),
        (AggregateFunction.Collect, FunctionMapping.Sql("st_collect_agg({0})").WithNote(SpatialRuntime).WithNote(FunctionNote.Limited(
            "st_collect_agg keeps overlapping polygons as they are, where the IR repairs such a collection (the overlaps merge); Databricks has no repair function"))),
        (AggregateFunction.Extent, FunctionMapping.Sql("st_envelope(st_collect_agg({0}))").WithNote(SpatialRuntime)),
        (AggregateFunction.ConvexHull, FunctionMapping.Sql("st_convexhull(st_collect_agg({0}))").WithNote(SpatialRuntime)),
        (AggregateFunction.Centroid, FunctionMapping.Sql("st_centroid(st_collect_agg({0}))").WithNote(SpatialRuntime)),
        // {1} is the points already sorted (AggregateOrder); a group without any is NULL, where st_makeline of an empty array is an empty line.
        (AggregateFunction.MakeLine, FunctionMapping.Sql("CASE WHEN count({0}) = 0 THEN NULL ELSE st_makeline({1}) END").WithNote(SpatialRuntime).WithNote(FunctionNote.Limited(
            "st_makeline of a single point gives a line through that point twice, where the IR gives an empty line"))));

    /// <summary>
    /// collect_list keeps no order (its reference: "non-deterministic"), so the ordered aggregate collects each
    /// non-NULL value with its keys (named_struct), sorts them with array_sort and a comparator over the keys, the
    /// NULLs of each key where it places them, and takes the values back out with transform. The comparator never
    /// returns NULL (COMPARATOR_RETURNS_NULL): two NULLs, or equal keys, go on to the next key, then to 0.
    /// </summary>
    internal override string AggregateOrder(SqlFragment argument, IReadOnlyList<(string Key, bool Descending, bool NullsFirst)> keys)
    {
        var value = argument.Wrap(Precedence.Comparison + 1);
        var fields = string.Concat(keys.Select((k, i) => $", 'cwf_k{i}', {k.Key}"));
        var collected = $"collect_list(named_struct('cwf_g', {argument.Text}{fields})) FILTER (WHERE {value} IS NOT NULL)";
        var cases = string.Concat(keys.Select((k, i) =>
        {
            var (l, r) = ($"cwf_l.cwf_k{i}", $"cwf_r.cwf_k{i}");
            var (nullFirst, less) = (k.NullsFirst ? -1 : 1, k.Descending ? 1 : -1);
            return $" WHEN {l} IS NULL AND {r} IS NOT NULL THEN {nullFirst} WHEN {l} IS NOT NULL AND {r} IS NULL THEN {-nullFirst}" +
                $" WHEN {l} < {r} THEN {less} WHEN {l} > {r} THEN {-less}";
        }));
        var sorted = keys.Count == 0 ? collected : $"array_sort({collected}, (cwf_l, cwf_r) -> CASE{cases} ELSE 0 END)";
        return $"transform({sorted}, cwf_e -> cwf_e.cwf_g)";
    }

    /// <summary>CAST of a double to BIGINT truncates; ROUND rounds half away from zero, as the IR's cast does.</summary>
    public override SqlTemplate? FloatToInteger => "CAST(ROUND({0}) AS BIGINT)";

    internal override int Divide(Binary quotient, ExpressionWriter writer) => FloatDivision(quotient, writer);

    internal override int LikePattern(Expr pattern, ExpressionWriter writer) => BackslashesDoubled(pattern, writer);

    public override GeographyGrouping GeographyGrouping { get; } = GeographyGrouping.ByBinary with { Key = "st_asbinary({0})" };

    /// <summary>
    /// LIMIT takes only a foldable expression (INVALID_LIMIT_LIKE_EXPRESSION otherwise), which a
    /// procedure's parameter is not: the rows are numbered. row_number() requires an ordered
    /// window; an unsorted input is numbered in no particular order.
    /// </summary>
    internal override SqlBlock ArgumentLimit(LimitNode limit, QueryWriter writer) => writer.NumberedLimit(limit, unsortedOrder: UnorderedWindow);

    /// <summary>ROW_NUMBER requires an ORDER BY in its window: a constant one numbers the rows in no particular order.</summary>
    public override string UnorderedWindow => "ORDER BY 1";

    protected override bool CreatesOrReplacesTables => true;

    public override SqlBlock CreateView(string name, SqlBlock query) =>
        new SqlBlock().Line($"CREATE OR REPLACE TEMPORARY VIEW {name} AS").Append(query);

    public override SqlBlock Procedure(string name, IReadOnlyList<ProcedureArgument> arguments, SqlBlock statements) =>
        ArgumentList("CREATE OR REPLACE PROCEDURE " + name, arguments, defaults: true, prefix: "IN ")
            .Line("LANGUAGE SQL")
            .Line("SQL SECURITY INVOKER")
            .Line("AS BEGIN")
            .Append(statements, 2)
            .Line("END");

    public override string ProcedureCall(string name, IReadOnlyList<ProcedureArgument> arguments) => $"CALL {name}()";

    /// <summary>QUALIFY (spec/dialects.md, "Windows").</summary>
    internal override IReadOnlyList<string>? Qualify(string condition) => ["QUALIFY " + condition];
}
