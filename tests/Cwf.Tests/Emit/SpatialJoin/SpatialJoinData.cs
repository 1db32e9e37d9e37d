using System.Collections.Immutable;
using System.Globalization;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Planning;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Emit.SpatialJoin;

/// <summary>
/// Points (and a few lines and polygons) probing zones, and the workflows that join them with
/// each spatial predicate, for the planned-versus-plain comparisons. The zones have holes, several
/// parts, diagonal edges, a shared edge, duplicates, NULL and empty geometries; the probes lie on
/// a half-degree grid, so many sit exactly on edges and vertices.
/// </summary>
internal static class SpatialJoinData
{
    public const string CitiesTable = "geo.cities";
    public const string ZonesTable = "geo.zones";
    public const string OutputTable = "out.matches";
    public const string CityColumns = "id int64, name string, pop int64, geom geography";
    public const string ZoneColumns = "zone_id int64, zone string, geom geography";

    public static OptimizerTarget Postgis { get; } = new()
    {
        Name = "postgis", HasNativeDWithin = true, MaterializesSharedCtes = true, SupportsTempTables = true, SupportsViews = true,
        NeedsExplicitSpatialIndex = true, SupportsSpatialIndex = true, SupportsSubdivide = true,
    };

    /// <summary>Valid zones (with a collection, a duplicate row, NULL and empty geometries).</summary>
    public static IReadOnlyList<object?[]> ValidZones() =>
    [
        [1L, "square with hole", "POLYGON ((0 0, 12 0, 12 12, 0 12, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))"],
        [2L, "two parts", "MULTIPOLYGON (((14 0, 20 0, 20 6, 14 6, 14 0)), ((14 8, 20 8, 17 13, 14 8)))"],
        [2L, "two parts", "MULTIPOLYGON (((14 0, 20 0, 20 6, 14 6, 14 0)), ((14 8, 20 8, 17 13, 14 8)))"],
        [3L, "diamond", "POLYGON ((25 0, 30 5, 25 10, 20.5 5, 25 0))"],
        [4L, "shares an edge", "POLYGON ((12 0, 14 0, 14 12, 12 12, 12 0))"],
        [5L, "dense circle", Circle(35, 5, 4, 600)],
        [6L, "no geometry", null],
        [7L, "empty", "POLYGON EMPTY"],
        [8L, "collection", "GEOMETRYCOLLECTION (POLYGON ((40 0, 42 0, 42 2, 40 2, 40 0)), LINESTRING (40 4, 44 4), POINT (41 6))"],
    ];

    /// <summary>Invalid zones as real data has them: every plan and the interpreter read their repairs.</summary>
    public static IReadOnlyList<object?[]> InvalidZones() =>
    [
        [11L, "bowtie", "POLYGON ((0 0, 4 4, 8 8, 10 10, 10 5, 10 0, 5 5, 0 10, 0 5, 0 0))"],
        [12L, "hole outside shell", "POLYGON ((12 0, 20 0, 20 8, 12 8, 12 0), (22 2, 24 2, 24 4, 22 4, 22 2))"],
        [13L, "ring touching itself", "POLYGON ((26 0, 36 0, 36 10, 31 10, 31 5, 31 10, 26 10, 26 0))"],
        [14L, "spike", "POLYGON ((38 0, 44 0, 44 6, 41 6, 41 9, 41 6, 38 6, 38 0))"],
        [15L, "valid neighbour", "POLYGON ((0 11, 44 11, 44 13, 0 13, 0 11))"],
    ];

    /// <summary>
    /// Grid points on whole degrees and half-way between them, three duplicated rows, a NULL and an empty geometry, lines
    /// and small polygons, and the given extra points (on the cut lines of the zones' pieces).
    /// </summary>
    public static TestTable Cities(IEnumerable<string> extraPoints)
    {
        var rows = new List<object?[]>();
        long id = 0;
        // Whole degrees (on edges and vertices) and the centres between them (inside or outside).
        for (double x = -1; x <= 45; x += 0.5)
            for (double y = x % 1 == 0 ? -1 : -0.5; y <= 14; y += 1)
            {
                id++;
                rows.Add([id, "grid " + id, id % 7 * 10, $"POINT ({F(x)} {F(y)})"]);
            }
        rows.Add(rows[100]);
        rows.Add(rows[100]);
        rows.Add(rows[1234]);
        object?[][] special =
        [
            [++id, "no geometry", 5L, null],
            [++id, "empty", 5L, "POINT EMPTY"],
            [++id, "line in the square", 5L, "LINESTRING (1 1, 11 1)"],
            [++id, "line across zones", 5L, "LINESTRING (1 1.5, 24 1.5)"],
            [++id, "small square", 5L, "POLYGON ((8.2 8.2, 9.8 8.2, 9.8 9.8, 8.2 9.8, 8.2 8.2))"],
            [++id, "wide strip", 5L, "POLYGON ((0.5 10.5, 11.5 10.5, 11.5 11.5, 0.5 11.5, 0.5 10.5))"],
            [++id, "in the circle", 5L, "POLYGON ((33 3, 37 3, 37 7, 33 7, 33 3))"],
        ];
        rows.AddRange(special);
        foreach (var point in extraPoints) rows.Add([++id, "on a cut", 70L, point]);
        return TestTable.Create(CitiesTable, CityColumns, [.. rows]);
    }

    public static TestTable Zones(IReadOnlyList<object?[]> rows) => TestTable.Create(ZonesTable, ZoneColumns, [.. rows]);

    /// <summary>
    /// SQL listing points in the middle of the segments where two pieces of one zone meet (pieces
    /// cut as the emitter cuts them, from the zone repaired as the scan repairs it): inside the
    /// zone, on the boundary of both pieces.
    /// </summary>
    public static string CutPointsQuery(int maxVertices) => $"""
        WITH pieces AS (
          SELECT z.zone_id, row_number() OVER () AS piece, cut.g
          FROM geo.zones AS z
          CROSS JOIN LATERAL ST_Dump({Dialects.Find("postgres")!.GeographyRepair!.Render([SqlFragment.Atom("z.geom")]).Text}) AS part
          CROSS JOIN LATERAL ST_Subdivide(part.geom, {maxVertices}) AS cut(g)
        ), shared AS (
          SELECT ST_CollectionExtract(ST_Intersection(a.g, b.g), 2) AS line
          FROM pieces AS a JOIN pieces AS b ON a.zone_id = b.zone_id AND a.piece < b.piece AND ST_Intersects(a.g, b.g)
        )
        SELECT DISTINCT ST_AsText(ST_LineInterpolatePoint(ST_GeometryN(ST_LineMerge(line), 1), 0.5)) AS point
        FROM shared
        WHERE NOT ST_IsEmpty(line)
        ORDER BY 1
        """;

    /// <summary>The planner's plan with pieces of at most <paramref name="maxVertices"/> vertices, so that small zones are cut too.</summary>
    public static MaterializationPlan Plan(Workflow workflow, int maxVertices)
    {
        var plan = Planner.Plan(workflow, Postgis);
        return plan with
        {
            SpatialJoins = plan.SpatialJoins.ToImmutableSortedDictionary(p => p.Key, p => p.Value with { MaxVerticesPerPiece = maxVertices }),
        };
    }

    // ---- workflows ---------------------------------------------------------------------------

    /// <summary>A condition over the cities (input <c>city</c>) and the zones (input <c>zone</c>).</summary>
    public delegate Expr Condition(Func<string, Expr> city, Func<string, Expr> zone);

    public static readonly (string Name, Condition Condition)[] Predicates =
    [
        ("intersects", (c, z) => ExprFactory.Call(Functions.Intersects, c("geom"), z("geom"))),
        ("within", (c, z) => ExprFactory.Call(Functions.Within, c("geom"), z("geom"))),
        ("contains", (c, z) => ExprFactory.Call(Functions.Contains, z("geom"), c("geom"))),
        ("covers", (c, z) => ExprFactory.Call(Functions.Covers, z("geom"), c("geom"))),
        ("touches", (c, z) => ExprFactory.Call(Functions.Touches, c("geom"), z("geom"))),
        ("dwithin", (c, z) => ExprFactory.Call(Functions.DWithin, c("geom"), z("geom"), Literal.Float(30_000))),
        ("buffer probe", (c, z) => ExprFactory.Call(Functions.Intersects, ExprFactory.Call(Functions.Buffer, c("geom"), Literal.Float(20_000)), z("geom"))),
        ("within and more", (c, z) => ExprFactory.And(ExprFactory.Call(Functions.Within, c("geom"), z("geom")),
            ExprFactory.Binary(BinaryOp.Greater, c("pop"), z("zone_id")))),
    ];

    public static Condition PredicateNamed(string name) => Predicates.Single(p => p.Name == name).Condition;

    /// <summary>cities JOIN zones (zones on the left when <paramref name="zonesLeft"/>), with the zone's own geometry in the output.</summary>
    public static Workflow Join(Condition condition, JoinKind kind = JoinKind.Inner, bool zonesLeft = false)
    {
        var b = new WorkflowBuilder("spatial join");
        var cities = b.Scan(TestTable.ParseName(CitiesTable), TestTable.ParseColumns(CityColumns), "cities");
        var zones = b.Scan(TestTable.ParseName(ZonesTable), TestTable.ParseColumns(ZoneColumns), "zones");
        int citySide = zonesLeft ? 1 : 0, zoneSide = 1 - citySide;
        Expr City(string name) => Column(b, cities.Id, name, citySide);
        Expr Zone(string name) => Column(b, zones.Id, name, zoneSide);
        JoinOutput[] cityOutputs = [new(citySide, "id", "id"), new(citySide, "name", "name")];
        JoinOutput[] zoneOutputs = [new(zoneSide, "zone_id", "zone_id"), new(zoneSide, "zone", "zone"), new(zoneSide, "geom", "zone_geom")];
        var join = zonesLeft
            ? b.Join(zones.Id, cities.Id, kind, condition(City, Zone), [.. zoneOutputs, .. cityOutputs], "matched")
            : b.Join(cities.Id, zones.Id, kind, condition(City, Zone), [.. cityOutputs, .. zoneOutputs], "matched");
        b.Sink(join.Id, TestTable.ParseName(OutputTable), WriteMode.Replace, "save");
        return b.ToWorkflow();
    }

    /// <summary>The cities with (or, anti, without) a matching zone.</summary>
    public static Workflow Filter(Condition condition, bool anti)
    {
        var b = new WorkflowBuilder("spatial filter");
        var cities = b.Scan(TestTable.ParseName(CitiesTable), TestTable.ParseColumns(CityColumns), "cities");
        var zones = b.Scan(TestTable.ParseName(ZonesTable), TestTable.ParseColumns(ZoneColumns), "zones");
        var semi = b.SemiJoin(cities.Id, zones.Id, condition(n => Column(b, cities.Id, n, 0), n => Column(b, zones.Id, n, 1)), anti, anti ? "unmatched" : "matched");
        b.Sink(semi.Id, TestTable.ParseName(OutputTable), WriteMode.Replace, "save");
        return b.ToWorkflow();
    }

    private static ColumnRef Column(WorkflowBuilder b, int node, string name, int input) => ExprFactory.Column(b.SchemaOf(node).Find(name)!, input);

    private static string Circle(double cx, double cy, double r, int vertices)
    {
        var points = Enumerable.Range(0, vertices)
            .Select(i => 2 * Math.PI * i / vertices)
            .Select(a => $"{F(Math.Round(cx + r * Math.Cos(a), 6))} {F(Math.Round(cy + r * Math.Sin(a), 6))}")
            .ToList();
        points.Add(points[0]);
        return $"POLYGON (({string.Join(", ", points)}))";
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
