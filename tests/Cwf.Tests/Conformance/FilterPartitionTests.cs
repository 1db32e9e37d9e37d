using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// Contract 5a.1: the two outputs of where, wheresimplified, isnotnull and spatialfilter partition
/// their input; rows whose predicate is NULL (a NULL column, a NULL geometry) go to <c>unmatch</c>.
/// </summary>
public sealed class FilterPartitionFixture : PgCanvasFixture
{
    internal static readonly TestTable Parcels = TestTable.Create("src.parcels",
        "parcel_id int64, owner string, value float64, zoned bool, geom geography",
        [1, "Ann", 100.0, true, "POINT (0.5 0.5)"],
        [2, "Bo", 50.0, false, "POINT (3 3)"],
        [3, null, 200.0, null, "POINT (1.5 1.5)"],
        [4, "Cy", null, true, null],
        [5, null, null, null, null]);

    internal static readonly TestTable Zones = TestTable.Create("src.zones", "zone_id int64, geom geography",
        [1, "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"],
        [2, "POLYGON ((1 1, 2.5 1, 2.5 2.5, 1 2.5, 1 1))"],
        [3, null]);

    internal override TestTable[] Tables => [Parcels, Zones];

    internal override ProductCanvas Canvas() => Build();

    internal static ProductCanvas Build()
    {
        var c = new ProductCanvas("Partitions");
        var parcels = c.Source("src.parcels", "Parcels");
        var zones = c.Source("src.zones", "Zones");

        void Both(ProductCanvas.Node filter, string name)
        {
            c.Connect(parcels, filter);
            c.Save(filter, $"out.{name}_match", handle: "match");
            c.Save(filter, $"out.{name}_unmatch", handle: "unmatch");
        }

        Both(c.Add("native.where", "Valuable", ("expression", "value > 75")), "where_value");
        // Three-valued logic: NULL OR TRUE is TRUE (parcel 5), NULL OR FALSE is NULL (parcel 4: unmatch).
        Both(c.Add("native.where", "Valuable or unowned", ("expression", "value > 75 OR owner IS NULL")), "where_or");
        Both(c.Add("native.where", "Not valuable", ("expression", "NOT (value > 75)")), "where_not");
        Both(c.Add("native.where", "Zoned", ("expression", "zoned")), "where_bool");
        Both(c.Add("native.wheresimplified", "Owner is not Bo", ("column", "owner"), ("operator", "not equal"), ("value", "Bo")), "simple_owner");
        Both(c.Add("native.wheresimplified", "Value at most 100", ("column", "value"), ("operator", "equal or less than"), ("value", "100")), "simple_value");
        Both(c.Add("native.isnotnull", "Has geometry", ("column", "geom")), "notnull_geom");
        Both(c.Add("native.isnotnull", "Has owner", ("column", "owner")), "notnull_owner");

        var spatial = c.Add("native.spatialfilter", "In a zone", ("geosource", "geom"), ("geofilter", "geom"), ("predicate", "intersects"));
        c.Connect(zones, spatial, "filter");
        Both(spatial, "spatial");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class FilterPartitionTests(FilterPartitionFixture fixture) : IClassFixture<FilterPartitionFixture>
{
    private async Task Partition(string name, long[] match, long[] unmatch)
    {
        var matched = await fixture.Db.QueryAsync($"SELECT parcel_id FROM out.{name}_match");
        var unmatched = await fixture.Db.QueryAsync($"SELECT parcel_id FROM out.{name}_unmatch");
        Exact.AssertEqual(Rows("parcel_id", [.. match.Select(id => new object?[] { id })]), matched);
        Exact.AssertEqual(Rows("parcel_id", [.. unmatch.Select(id => new object?[] { id })]), unmatched);
    }

    [Fact]
    public Task Where_sends_rows_whose_condition_is_null_to_unmatch() => Partition("where_value", [1, 3], [2, 4, 5]);

    [Fact]
    public Task Where_follows_three_valued_logic() => Partition("where_or", [1, 3, 5], [2, 4]);

    [Fact]
    public Task Where_not_of_null_is_still_unmatch() => Partition("where_not", [2], [1, 3, 4, 5]);

    [Fact]
    public Task Where_on_a_boolean_column() => Partition("where_bool", [1, 4], [2, 3, 5]);

    [Fact]
    public Task Wheresimplified_not_equal_sends_null_to_unmatch() => Partition("simple_owner", [1, 4], [2, 3, 5]);

    [Fact]
    public Task Wheresimplified_numeric_comparison_sends_null_to_unmatch() => Partition("simple_value", [1, 2], [3, 4, 5]);

    [Fact]
    public Task Isnotnull_on_a_geography() => Partition("notnull_geom", [1, 2, 3], [4, 5]);

    [Fact]
    public Task Isnotnull_on_a_string() => Partition("notnull_owner", [1, 2, 4], [3, 5]);

    [Fact]
    public Task Spatialfilter_sends_null_geometries_to_unmatch_and_matches_each_row_once() => Partition("spatial", [1, 3], [2, 4, 5]);
}
