using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.2 (spatial predicate argument order: predicate(main, secondary), predicate(source,
/// filter)) and 5a.3 (predicates and centroids planar on lon/lat; buffer, area and distance
/// geodesic in meters, within 0.5%).
/// </summary>
public sealed class SpatialSemanticsFixture : PgCanvasFixture
{
    internal static readonly TestTable Shops = TestTable.Create("src.shops", "shop_id int64, geom geography",
        [1, "POINT (0.5 0.5)"],
        [2, "POINT (0.6 0.6)"],
        [3, "POINT (9 9)"],
        // North of the straight lon/lat edge at latitude 50, south of the great circle through its ends.
        [4, "POINT (0 62)"],
        // On the boundary of area 1: touches, intersects and is covered, but not within.
        [5, "POINT (1 0.5)"]);

    internal static readonly TestTable Areas = TestTable.Create("src.areas", "area_id int64, geom geography",
        [1, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"],
        [2, "POLYGON ((-60 40, 60 40, 60 50, -60 50, -60 40))"],
        [3, "POLYGON ((0 60, 40 60, 20 80, 0 60))"]);

    internal static readonly TestTable Pairs = TestTable.Create("src.pairs", "pair_id int64, a geography, b geography",
        [1, "POINT (0 0)", "POINT (0 1)"],
        [2, "POINT (13.4 52.5)", "POINT (13.4 52.5)"],
        [3, "POINT (0 0)", null]);

    internal override TestTable[] Tables => [Shops, Areas, Pairs];

    internal override ProductCanvas Canvas() => Build();

    internal static ProductCanvas Build()
    {
        var c = new ProductCanvas("Spatial semantics");
        var shops = c.Source("src.shops", "Shops");
        var areas = c.Source("src.areas", "Areas");
        var pairs = c.Source("src.pairs", "Pairs");

        foreach (var predicate in new[] { "within", "intersects", "covers", "touches", "contains" })
        {
            var pointsFirst = c.Add("native.spatialjoin", $"Shops {predicate} areas", ("maincolumn", "geom"), ("secondarycolumn", "geom"), ("predicate", predicate));
            c.Connect(shops, pointsFirst, "maintable");
            c.Connect(areas, pointsFirst, "secondarytable");
            c.Save(pointsFirst, $"out.join_shops_{predicate}");

            var areasFirst = c.Add("native.spatialjoin", $"Areas {predicate} shops", ("maincolumn", "geom"), ("secondarycolumn", "geom"), ("predicate", predicate));
            c.Connect(areas, areasFirst, "maintable");
            c.Connect(shops, areasFirst, "secondarytable");
            c.Save(areasFirst, $"out.join_areas_{predicate}");
        }

        var shopsWithin = c.Add("native.spatialfilter", "Shops within an area", ("geosource", "geom"), ("geofilter", "geom"), ("predicate", "within"));
        c.Connect(shops, shopsWithin, "source");
        c.Connect(areas, shopsWithin, "filter");
        c.Save(shopsWithin, "out.filter_shops_within");

        var areasContaining = c.Add("native.spatialfilter", "Areas containing a shop", ("geosource", "geom"), ("geofilter", "geom"), ("predicate", "contains"));
        c.Connect(areas, areasContaining, "source");
        c.Connect(shops, areasContaining, "filter");
        c.Save(areasContaining, "out.filter_areas_contains");

        var centroid = c.Add("native.centroid", "Centre", ("geo", "geom"));
        c.Connect(areas, centroid);
        var squareMeters = c.Add("native.area", "Area m2", ("geo", "geom"), ("units", "Square meters"));
        c.Connect(centroid, squareMeters);
        c.Save(squareMeters, "out.area_m2");
        var squareKilometers = c.Add("native.area", "Area km2", ("geo", "geom"), ("units", "Square kilometers"));
        c.Connect(areas, squareKilometers);
        c.Save(squareKilometers, "out.area_km2");

        foreach (var (units, distance) in new[] { ("Meters", 1000), ("Kilometers", 2), ("Miles", 1) })
        {
            var buffer = c.Add("native.buffer", $"Buffer {distance} {units}", ("geo", "geom"), ("distance", distance), ("units", units));
            c.Connect(shops, buffer);
            c.Save(buffer, $"out.buffer_{units.ToLowerInvariant()}");

            var measured = c.Add("native.distance", $"Distance in {units}", ("geo1", "a"), ("geo2", "b"), ("units", units));
            c.Connect(pairs, measured);
            c.Save(measured, $"out.distance_{units.ToLowerInvariant()}");
        }
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class SpatialSemanticsTests(SpatialSemanticsFixture fixture) : IClassFixture<SpatialSemanticsFixture>
{
    private PgDatabase Db => fixture.Db;

    private async Task Pairs(string table, string main, string secondary, params (long Main, long Secondary)[] expected) =>
        Exact.AssertEqual(Rows($"{main}, {secondary}_joined", [.. expected.Select(p => new object?[] { p.Main, p.Secondary })]),
            await Db.QueryAsync($"SELECT {main}, {secondary}_joined FROM {table}"));

    [Fact]
    public Task Spatialjoin_within_keeps_points_within_polygons() =>
        Pairs("out.join_shops_within", "shop_id", "area_id", (1, 1), (2, 1));

    [Fact]
    public Task Spatialjoin_contains_keeps_polygons_containing_points() =>
        Pairs("out.join_areas_contains", "area_id", "shop_id", (1, 1), (1, 2));

    [Fact]
    public async Task Spatialjoin_predicates_are_not_symmetric()
    {
        await Pairs("out.join_areas_within", "area_id", "shop_id");
        await Pairs("out.join_shops_contains", "shop_id", "area_id");
    }

    [Fact]
    public async Task Spatialjoin_intersects_covers_and_touches_include_the_boundary_point()
    {
        await Pairs("out.join_shops_intersects", "shop_id", "area_id", (1, 1), (2, 1), (5, 1));
        await Pairs("out.join_areas_covers", "area_id", "shop_id", (1, 1), (1, 2), (1, 5));
        await Pairs("out.join_shops_touches", "shop_id", "area_id", (5, 1));
        await Pairs("out.join_areas_touches", "area_id", "shop_id", (1, 5));
    }

    [Fact]
    public async Task Spatialfilter_is_predicate_of_source_and_filter()
    {
        Exact.AssertEqual(Rows("shop_id", [1L], [2L]), await Db.QueryAsync("SELECT shop_id FROM out.filter_shops_within"));
        Exact.AssertEqual(Rows("area_id", [1L]), await Db.QueryAsync("SELECT area_id FROM out.filter_areas_contains"));
    }

    [Fact]
    public async Task Predicates_are_planar_on_lon_lat()
    {
        // Geodesically, the great circle from (-60 50) to (60 50) passes north of (0 62) and the one from (-60 40) to (60 40) south of it, so a
        // geography predicate would put shop 4 inside area 2; on the stored lon/lat geometry it is outside.
        Assert.Equal(0, (await Db.QueryAsync("SELECT shop_id FROM out.join_shops_intersects WHERE shop_id = 4")).Count);
        Assert.Equal(1, (await Db.QueryAsync("SELECT 1 AS one WHERE ST_Intersects('SRID=4326;POINT (0 62)'::geography, 'SRID=4326;POLYGON ((-60 40, 60 40, 60 50, -60 50, -60 40))'::geography)")).Count);
    }

    [Fact]
    public async Task Centroid_is_planar_on_lon_lat()
    {
        Exact.AssertEqual(Rows("area_id, geom_centroid",
                [1L, RowSet.Geo("POINT (0.5 0.5)")], [2L, RowSet.Geo("POINT (0 45)")], [3L, RowSet.Geo("POINT (20 66.66666666666667)")]),
            await Db.QueryAsync("SELECT area_id, geom_centroid FROM out.area_m2"));
    }

    [Fact]
    public async Task Area_is_geodesic_in_square_meters_or_kilometers()
    {
        var truth = await Db.QueryAsync("SELECT area_id, ST_Area(geom::geography, true) AS m2 FROM src.areas");
        var m2 = await Db.QueryAsync("SELECT area_id, geom_area AS m2 FROM out.area_m2");
        Measured.AssertEqual(truth, m2);
        var km2 = await Db.QueryAsync("SELECT area_id, geom_area * 1000000 AS m2 FROM out.area_km2");
        Measured.AssertEqual(truth, km2);
        // The 1° square at the equator: 12,308 km² on the WGS84 ellipsoid.
        Measured.AssertEqual(Rows("geom_area", [12_308.8]), await Db.QueryAsync("SELECT geom_area FROM out.area_km2 WHERE area_id = 1"));
    }

    [Theory]
    [InlineData("meters", 1000.0)]
    [InlineData("kilometers", 2000.0)]
    [InlineData("miles", 1609.344)]
    public async Task Buffer_is_geodesic_within_half_a_percent(string units, double meters)
    {
        // Area of the buffer = π r² (a small circle on the ellipsoid), for a point at the equator and at 62°N.
        Measured.AssertEqual(Rows("shop_id, area", [1L, Math.PI * meters * meters], [4L, Math.PI * meters * meters]),
            await Db.QueryAsync($"SELECT shop_id, ST_Area(geom_buffer::geography) AS area FROM out.buffer_{units} WHERE shop_id IN (1, 4)"));
        // Every vertex of the ring is r meters from the centre (not r degrees, not a planar circle in degrees).
        var radii = await Db.QueryAsync(
            $"SELECT min(ST_Distance(geom::geography, (dp).geom::geography)) AS low, max(ST_Distance(geom::geography, (dp).geom::geography)) AS high " +
            $"FROM (SELECT geom, ST_DumpPoints(geom_buffer) AS dp FROM out.buffer_{units} WHERE shop_id = 4) AS v");
        Measured.AssertEqual(Rows("low, high", [meters, meters]), radii);
    }

    [Fact]
    public async Task Distance_is_geodesic_in_the_units_asked()
    {
        // One degree of latitude from the equator: 110,574.4 m on WGS84.
        Measured.AssertEqual(Rows("pair_id, distance", [1L, 110_574.4], [2L, 0.0], [3L, null]),
            await Db.QueryAsync("SELECT pair_id, distance FROM out.distance_meters"));
        Measured.AssertEqual(Rows("pair_id, distance", [1L, 110.5744], [2L, 0.0], [3L, null]),
            await Db.QueryAsync("SELECT pair_id, distance FROM out.distance_kilometers"));
        Measured.AssertEqual(Rows("pair_id, distance", [1L, 68.7077], [2L, 0.0], [3L, null]),
            await Db.QueryAsync("SELECT pair_id, distance FROM out.distance_miles"));
        await AssertColumnsAsync(Db, "out.distance_miles", "pair_id bigint, a geometry, b geometry, distance double precision");
    }
}
