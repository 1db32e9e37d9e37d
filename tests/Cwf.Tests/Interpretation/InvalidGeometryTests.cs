using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using NetTopologySuite.Geometries;
using static Cwf.Tests.Interpretation.Harness;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Interpretation;

/// <summary>
/// The validity policy in the interpreter (spec/equivalence.md, "Invalid geometries"): an invalid
/// geography entering a workflow (from a table, from text) is replaced by its repair, the
/// "structure" method of GEOS MakeValid that the PostgreSQL backend calls; a valid one is left as
/// it is. The expected repairs are PostGIS 3.3's answers
/// (<c>ST_MakeValid(g, 'method=structure')</c>, GEOS 3.11).
/// </summary>
public sealed class InvalidGeometryTests
{
    private const string BowTie = "POLYGON((0 0,2 2,2 0,0 2,0 0))";
    private const string SelfTouchingRing = "POLYGON((0 0,4 0,4 4,2 0,0 4,0 0))";

    private static Geometry G(string wkt) => Wkt.TryRead(wkt, out var error) ?? throw new InvalidOperationException(error);

    private static void SameShape(string expected, Geometry actual)
    {
        var want = G(expected);
        want.Normalize();
        var got = actual.Copy();
        got.Normalize();
        Assert.True(want.EqualsExact(got), $"expected {want}, got {got}");
    }

    [Theory]
    [InlineData(BowTie, "MULTIPOLYGON(((1 1,2 2,2 0,1 1)),((0 0,0 2,1 1,0 0)))")]
    [InlineData(SelfTouchingRing, "MULTIPOLYGON(((0 0,0 4,2 0,0 0)),((2 0,4 4,4 0,2 0)))")]
    [InlineData("POLYGON((0 0,10 0,10 10,0 10,0 0),(5 0,10 5,5 10,0 5,5 0))",
        "MULTIPOLYGON(((0 5,5 0,0 0,0 5)),((0 10,5 10,0 5,0 10)),((10 10,10 5,5 10,10 10)),((10 0,5 0,10 5,10 0)))")]
    [InlineData("LINESTRING(3 3,3 3)", "LINESTRING EMPTY")]
    public void Invalid_geometries_are_repaired_as_PostGIS_repairs_them(string invalid, string repaired)
    {
        var g = G(invalid);
        Assert.False(g.IsValid);
        var valid = Geography.Valid(g);
        Assert.True(valid.IsValid);
        Assert.Equal(4326, valid.SRID);
        SameShape(repaired, valid);
    }

    [Theory]
    [InlineData("POLYGON((0 0,0 1,1 1,1 0,0 0))")]
    [InlineData("POLYGON((0 0,1 0,1 1,0 1,0 0))")]
    [InlineData("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))")]
    [InlineData("POINT(1 2)")]
    [InlineData("POLYGON EMPTY")]
    public void Valid_geometries_are_left_as_they_are(string wkt)
    {
        // The repair would rewrite valid polygons too (their ring orientation): it is only applied to invalid ones.
        var g = G(wkt);
        Assert.Same(g, Geography.Valid(g));
    }

    private static readonly Schema Zones = Schema(("zone", SqlType.String), ("geom", SqlType.Geography));
    private static readonly Schema Probes = Schema(("probe", SqlType.String), ("geom", SqlType.Geography));
    private static readonly TableName ZonesTable = TableName.TryParse("zones")!;
    private static readonly TableName ProbesTable = TableName.TryParse("probes")!;

    /// <summary>The zones as data has them: two invalid polygons and a valid one.</summary>
    private static Database Data() => Database.Empty
        .With(ZonesTable, Table(Zones,
            ["bow tie", G(BowTie)],
            ["self-touching ring", G("POLYGON((10 0,14 0,14 4,12 0,10 4,10 0))")],
            ["square", G("POLYGON((20 0,22 0,22 2,20 2,20 0))")]))
        .With(ProbesTable, Table(Probes,
            ["in the left lobe", G("POINT(0.5 1)")],
            ["at the crossing", G("POINT(1 1)")],
            ["between the lobes", G("POINT(1 0.5)")],
            ["box over the crossing", G("POLYGON((0.8 0.8,1.2 0.8,1.2 1.2,0.8 1.2,0.8 0.8))")],
            ["box across the lobes", G("POLYGON((1.5 0.2,3 0.2,3 1.8,1.5 1.8,1.5 0.2))")],
            ["in the right lobe of the ring", G("POINT(13.5 1)")],
            ["in the notch of the ring", G("POINT(12 2)")],
            ["in the square", G("POINT(21 1)")]));

    private static Workflow SpatialJoin(BuiltinFunction predicate)
    {
        var b = new WorkflowBuilder("invalid zones");
        var probes = b.Scan(ProbesTable, Probes, "probes");
        var zones = b.Scan(ZonesTable, Zones, "zones");
        var condition = ExprFactory.Call(predicate, Col(Probes, "geom"), Col(Zones, "geom", 1));
        var join = b.Join(probes.Id, zones.Id, JoinKind.Inner, condition, [new JoinOutput(0, "probe", "probe"), new JoinOutput(1, "zone", "zone")], "join");
        b.Sink(join.Id, Output, WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    private static string[] Pairs(InterpretationResult run)
    {
        Assert.False(run.Diagnostics.Any(d => d.IsError), string.Join("\n", run.Diagnostics));
        return [.. run.Outputs.Find(Output)!.Rows.Select(r => $"{r[0]} / {r[1]}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void A_spatial_join_over_invalid_zones_runs_on_their_repairs()
    {
        // Within the repaired bow tie (two triangles meeting at (1 1)): the crossing point is on their boundary, not within.
        Assert.Equal(
            ["in the left lobe / bow tie", "in the right lobe of the ring / self-touching ring", "in the square / square"],
            Pairs(Run(SpatialJoin(F.Within), Data())));
        Assert.Equal(
            ["at the crossing / bow tie", "box across the lobes / bow tie", "box over the crossing / bow tie", "in the left lobe / bow tie",
             "in the right lobe of the ring / self-touching ring", "in the square / square"],
            Pairs(Run(SpatialJoin(F.Intersects), Data())));
    }

    [Fact]
    public void Measures_of_invalid_zones_are_measures_of_their_repairs()
    {
        // Unrepaired, the bow tie's two lobes have opposite orientations and their signed areas cancel (PostGIS: 0 m²).
        var b = new WorkflowBuilder("areas");
        var zones = b.Scan(ZonesTable, Zones, "zones");
        var areas = b.Project(zones.Id, [new NamedExpr("zone", Col(Zones, "zone")), new NamedExpr("area", ExprFactory.Call(F.Area, Col(Zones, "geom")))], "areas");
        b.Sink(areas.Id, Output, WriteMode.Replace, "out");
        var rows = Run(b.ToWorkflow(), Data()).Outputs.Find(Output)!.Rows;
        // PostGIS: ST_Area(ST_MakeValid('SRID=4326;POLYGON((0 0,2 2,2 0,0 2,0 0))', 'method=structure')::geography).
        Assert.Equal(24615769286.707367, (double)rows[0][1]!, 24615769286.707367 * 1e-9);
        Assert.All(rows, r => Assert.True((double)r[1]! > 0, $"{r[0]}: {r[1]}"));
    }

    [Fact]
    public void Text_describing_an_invalid_shape_is_repaired()
    {
        var text = ExprFactory.Call(F.GeogFromText, Literal.String(BowTie));
        SameShape("MULTIPOLYGON(((1 1,2 2,2 0,1 1)),((0 0,0 2,1 1,0 0)))", (Geometry)Value(text)!);
        SameShape("MULTIPOLYGON(((1 1,2 2,2 0,1 1)),((0 0,0 2,1 1,0 0)))", (Geometry)Value(new Cast(Literal.String(BowTie), SqlType.Geography))!);
    }

    [Fact]
    public void A_scan_passes_the_repaired_geometry_on()
    {
        var b = new WorkflowBuilder("copy");
        var zones = b.Scan(ZonesTable, Zones, "zones");
        b.Sink(zones.Id, Output, WriteMode.Replace, "out");
        var rows = Run(b.ToWorkflow(), Data()).Outputs.Find(Output)!.Rows;
        Assert.All(rows, r => Assert.True(((Geometry)r[1]!).IsValid, $"{r[0]}: {r[1]}"));
        SameShape("MULTIPOLYGON(((10 0,10 4,12 0,10 0)),((12 0,14 4,14 0,12 0)))", (Geometry)rows[1][1]!);
    }
}
