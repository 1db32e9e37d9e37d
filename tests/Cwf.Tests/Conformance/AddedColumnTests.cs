using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.9: a component that adds a column replaces an input column of the same name in
/// place (same position, new type) with a warning naming the node and the column; the
/// <c>_joined</c> suffix is always appended (<c>id_joined</c> → <c>id_joined_joined</c>).
/// </summary>
public sealed class AddedColumnFixture : PgCanvasFixture
{
    internal static readonly TestTable Places = TestTable.Create("src.places",
        "place_id int64, lat float64, lon float64, geom string, distance string, geom_centroid int64, geom_area string, geom_buffer string, other geography",
        [1, 0.5, 1.5, "old", "far", 7, "big", "wide", "POINT (0 0)"],
        [2, null, 2.0, "old", null, 8, null, null, "POINT (1 1)"]);

    internal static readonly TestTable Tags = TestTable.Create("src.tags", "place_id int64, id_joined int64, tag_joined_joined string",
        [1, 10, "a"]);

    internal override TestTable[] Tables => [Places, Tags];

    internal static ProductCanvas.Node GeogPoint = null!, Centroid = null!, Distance = null!, Buffer = null!, Area = null!, Expression = null!;

    internal override ProductCanvas Canvas()
    {
        var c = new ProductCanvas("Added columns");
        var places = c.Source("src.places", "Places");
        var tags = c.Source("src.tags", "Tags");

        GeogPoint = c.Add("native.geogpoint", "Point from lat lon", ("latitude", "lat"), ("longitude", "lon"));
        c.Connect(places, GeogPoint);
        c.Save(GeogPoint, "out.geogpoint");

        Centroid = c.Add("native.centroid", "Centre of geom", ("geo", "geom"));
        c.Connect(GeogPoint, Centroid);
        c.Save(Centroid, "out.centroid");

        Distance = c.Add("native.distance", "Distance to other", ("geo1", "geom"), ("geo2", "other"), ("units", "Meters"));
        c.Connect(GeogPoint, Distance);
        c.Save(Distance, "out.distance");

        Buffer = c.Add("native.buffer", "Buffer geom", ("geo", "geom"), ("distance", 10), ("units", "Meters"));
        c.Connect(GeogPoint, Buffer);
        c.Save(Buffer, "out.buffer");

        Area = c.Add("native.area", "Area of buffer", ("geo", "geom"), ("units", "Square meters"));
        c.Connect(Buffer, Area);
        c.Save(Area, "out.area");

        Expression = c.Add("native.selectexpression", "Recompute lat", ("column", "lat"), ("expression", "coalesce(lat, 0) + 1"));
        c.Connect(places, Expression);
        c.Save(Expression, "out.expression");

        var join = c.Add("native.join", "Tag places", ("maincolumn", "place_id"), ("secondarycolumn", "place_id"), ("jointype", "Inner"));
        c.Connect(tags, join, "maintable");
        c.Connect(tags, join, "secondarytable");
        c.Save(join, "out.joined_twice");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class AddedColumnTests(AddedColumnFixture fixture) : IClassFixture<AddedColumnFixture>
{
    private PgDatabase Db => fixture.Db;

    private const string Rest = "distance text, geom_centroid bigint, geom_area text, geom_buffer text, other geometry";

    private void Replaced(ProductCanvas.Node node, string column) => fixture.Compiled.Single("warning", node.Named, $"'{column}'");

    [Fact]
    public async Task Geogpoint_replaces_geom_in_place()
    {
        await AssertColumnsAsync(Db, "out.geogpoint", "place_id bigint, lat double precision, lon double precision, geom geometry, " + Rest);
        Exact.AssertEqual(Rows("place_id, geom", [1L, RowSet.Geo("POINT (1.5 0.5)")], [2L, null]), await Db.QueryAsync("SELECT place_id, geom FROM out.geogpoint"));
        Replaced(AddedColumnFixture.GeogPoint, "geom");
    }

    [Fact]
    public async Task Centroid_replaces_geo_centroid_in_place()
    {
        await AssertColumnsAsync(Db, "out.centroid", "place_id bigint, lat double precision, lon double precision, geom geometry, " +
            "distance text, geom_centroid geometry, geom_area text, geom_buffer text, other geometry");
        Replaced(AddedColumnFixture.Centroid, "geom_centroid");
    }

    [Fact]
    public async Task Distance_replaces_distance_in_place()
    {
        await AssertColumnsAsync(Db, "out.distance", "place_id bigint, lat double precision, lon double precision, geom geometry, " +
            "distance double precision, geom_centroid bigint, geom_area text, geom_buffer text, other geometry");
        var distance = (await Db.QueryAsync("SELECT distance FROM out.distance WHERE place_id = 1")).Rows[0][0];
        Assert.InRange((double)distance!, 175_000, 180_000);
        Replaced(AddedColumnFixture.Distance, "distance");
    }

    [Fact]
    public async Task Buffer_and_area_replace_their_columns_in_place()
    {
        await AssertColumnsAsync(Db, "out.area", "place_id bigint, lat double precision, lon double precision, geom geometry, " +
            "distance text, geom_centroid bigint, geom_area double precision, geom_buffer geometry, other geometry");
        Replaced(AddedColumnFixture.Buffer, "geom_buffer");
        Replaced(AddedColumnFixture.Area, "geom_area");
    }

    [Fact]
    public async Task Selectexpression_replaces_its_column_in_place()
    {
        await AssertColumnsAsync(Db, "out.expression", "place_id bigint, lat double precision, lon double precision, geom text, " + Rest);
        Exact.AssertEqual(Rows("place_id, lat", [1L, 1.5], [2L, 1.0]), await Db.QueryAsync("SELECT place_id, lat FROM out.expression"));
        Replaced(AddedColumnFixture.Expression, "lat");
    }

    [Fact]
    public async Task Joined_suffix_is_appended_to_names_that_already_end_in_joined()
    {
        await AssertColumnsAsync(Db, "out.joined_twice",
            "place_id bigint, id_joined bigint, tag_joined_joined text, " +
            "place_id_joined bigint, id_joined_joined bigint, tag_joined_joined_joined text");
        Exact.AssertEqual(Rows("id_joined, id_joined_joined, tag_joined_joined_joined", [10L, 10L, "a"]),
            await Db.QueryAsync("SELECT id_joined, id_joined_joined, tag_joined_joined_joined FROM out.joined_twice"));
    }
}
