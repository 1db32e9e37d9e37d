using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// One canvas that uses every component of canvas-format section 5 (each branch saved to its own
/// table), compiled with the CLI for PostgreSQL and run once with psql; each test checks one
/// component's output columns (names, order, types) and rows against the contract.
/// </summary>
public sealed class ComponentCanvasFixture : PgCanvasFixture
{
    internal override TestTable[] Tables => CityData.All;

    internal override ProductCanvas Canvas() => Build();

    internal static ProductCanvas Build()
    {
        var c = new ProductCanvas("Every component");
        var stores = c.Source("src.stores", "Stores");
        var districts = c.Source("src.districts", "Districts");
        var sensors = c.Source("src.sensors", "Sensors");

        var select = c.Add("native.select", "Pick columns", ("select", "store_id, upper(name) AS store_name, revenue * 2 AS double_revenue"));
        c.Connect(stores, select, "table");
        c.Save(select, "out.c_select");

        var newColumn = c.Add("native.selectexpression", "Revenue in thousands", ("column", "revenue_k"), ("expression", "revenue / 1000"));
        c.Connect(stores, newColumn);
        c.Save(newColumn, "out.c_selectexpression");

        var replaced = c.Add("native.selectexpression", "Upper-case name", ("column", "name"), ("expression", "upper(name)"));
        c.Connect(stores, replaced);
        c.Save(replaced, "out.c_selectexpression_replace");

        var dropArray = c.Add("native.dropcolumn", "Drop two (array)", ("column", new[] { "opened", "revenue" }));
        c.Connect(stores, dropArray);
        c.Save(dropArray, "out.c_dropcolumn_array");

        var dropText = c.Add("native.dropcolumn", "Drop two (text)", ("column", "opened, revenue"));
        c.Connect(stores, dropText);
        c.Save(dropText, "out.c_dropcolumn_text");

        var rename = c.Add("native.renamecolumn", "Rename name", ("column", "name"), ("newname", "store_name"));
        c.Connect(stores, rename);
        c.Save(rename, "out.c_renamecolumn");

        var where = c.Add("native.where", "Revenue over 900", ("expression", "revenue > 900"));
        c.Connect(stores, where);
        c.Save(where, "out.c_where_match", handle: "match");
        c.Save(where, "out.c_where_unmatch", handle: "unmatch");

        var simple = c.Add("native.wheresimplified", "Opened before 2021", ("column", "opened"), ("operator", "less than"), ("value", "2021-01-01"));
        c.Connect(stores, simple);
        c.Save(simple, "out.c_wheresimplified_match", handle: "match");
        c.Save(simple, "out.c_wheresimplified_unmatch", handle: "unmatch");

        var notNull = c.Add("native.isnotnull", "Has a name", ("column", "name"));
        c.Connect(stores, notNull);
        c.Save(notNull, "out.c_isnotnull_match", handle: "match");
        c.Save(notNull, "out.c_isnotnull_unmatch", handle: "unmatch");

        var order = c.Add("native.orderby", "By revenue", ("column", "revenue"), ("direction", "Descending"));
        c.Connect(stores, order);
        var limit = c.Add("native.limit", "Top 2", ("limit", 2));
        c.Connect(order, limit);
        c.Save(limit, "out.c_orderby_limit");

        var distinct = c.Add("native.distinct", "Distinct districts");
        var districtOnly = c.Add("native.select", "District ids", ("select", "district_id"));
        c.Connect(stores, districtOnly, "table");
        c.Connect(districtOnly, distinct);
        c.Save(distinct, "out.c_distinct");

        var group = c.Add("native.groupby", "Per district", ("groupby", "district_id"),
            ("columns", "revenue,sum,store_id,count,revenue,avg,revenue,min,opened,max,name,count_distinct"));
        c.Connect(stores, group);
        c.Save(group, "out.c_groupby");

        var summarize = c.Add("native.summarize", "Totals", ("columns", "revenue,sum,store_id,count,opened,min"));
        c.Connect(stores, summarize);
        c.Save(summarize, "out.c_summarize");

        var join = c.Add("native.join", "Store district", ("maincolumn", "district_id"), ("secondarycolumn", "district_id"), ("jointype", "Left"));
        c.Connect(stores, join, "maintable");
        c.Connect(districts, join, "secondarytable");
        c.Save(join, "out.c_join");

        var selfJoin = c.Add("native.join", "Sensor pairs", ("maincolumn", "sensor_id"), ("secondarycolumn", "sensor_id"), ("jointype", "Inner"));
        c.Connect(sensors, selfJoin, "maintable");
        c.Connect(sensors, selfJoin, "secondarytable");
        c.Save(selfJoin, "out.c_join_joined");

        var spatialJoin = c.Add("native.spatialjoin", "Store in district", ("maincolumn", "geom"), ("secondarycolumn", "geom"), ("predicate", "within"));
        c.Connect(stores, spatialJoin, "maintable");
        c.Connect(districts, spatialJoin, "secondarytable");
        c.Save(spatialJoin, "out.c_spatialjoin");

        var spatialFilter = c.Add("native.spatialfilter", "Stores in a district", ("geosource", "geom"), ("geofilter", "geom"), ("predicate", "within"));
        c.Connect(stores, spatialFilter, "source");
        c.Connect(districts, spatialFilter, "filter");
        c.Save(spatialFilter, "out.c_spatialfilter_match", handle: "match");
        c.Save(spatialFilter, "out.c_spatialfilter_unmatch", handle: "unmatch");

        var buffer = c.Add("native.buffer", "100 m around", ("geo", "geom"), ("distance", 100), ("units", "Meters"));
        c.Connect(stores, buffer);
        c.Save(buffer, "out.c_buffer");

        var centroid = c.Add("native.centroid", "District centre", ("geo", "geom"));
        c.Connect(districts, centroid);
        var area = c.Add("native.area", "District area", ("geo", "geom"), ("units", "Square kilometers"));
        c.Connect(centroid, area);
        c.Save(area, "out.c_centroid_area");

        var distance = c.Add("native.distance", "Store to district", ("geo1", "geom"), ("geo2", "geom_joined"), ("units", "Kilometers"));
        c.Connect(join, distance);
        c.Save(distance, "out.c_distance");

        var point = c.Add("native.geogpoint", "Sensor point", ("latitude", "lat"), ("longitude", "lon"));
        c.Connect(sensors, point);
        c.Save(point, "out.c_geogpoint");

        var unionFirst = c.Add("native.select", "Store names", ("select", "store_id AS id, name"));
        c.Connect(stores, unionFirst, "table");
        var unionSecond = c.Add("native.select", "District names", ("select", "name, district_id AS id"));
        c.Connect(districts, unionSecond, "table");
        var union = c.Add("native.unionall", "All names");
        c.Connect(unionFirst, union, "tables");
        c.Connect(unionSecond, union, "tables");
        c.Save(union, "out.c_unionall");

        var custom = c.Add("native.customsql", "Custom count", ("sql", "SELECT district_id, count(*) AS stores FROM $a GROUP BY district_id"));
        c.Connect(stores, custom, "sourcea");
        c.Save(custom, "out.c_customsql");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class ComponentOutputTests(ComponentCanvasFixture fixture) : IClassFixture<ComponentCanvasFixture>
{
    private PgDatabase Db => fixture.Db;

    private Task Columns(string table, string expected) => AssertColumnsAsync(Db, table, expected);

    [Fact]
    public async Task Select_outputs_the_select_list()
    {
        await Columns("out.c_select", "store_id bigint, store_name text, double_revenue double precision");
        Exact.AssertEqual(Rows("store_id, store_name", [1L, "ALPHA"], [2L, "BETA"], [3L, "GAMMA"], [4L, null], [5L, "EPSILON"]),
            await Db.QueryAsync("SELECT store_id, store_name FROM out.c_select"));
    }

    [Fact]
    public async Task Selectexpression_appends_its_column()
    {
        await Columns("out.c_selectexpression", CityData.StoreColumns + ", revenue_k double precision");
        Exact.AssertEqual(Rows("store_id, revenue_k", [1L, 1.0], [2L, 2.5], [3L, null], [4L, 0.4], [5L, 0.7]),
            await Db.QueryAsync("SELECT store_id, revenue_k FROM out.c_selectexpression"));
    }

    [Fact]
    public async Task Selectexpression_replaces_a_column_of_the_same_name_in_place_with_a_warning()
    {
        await Columns("out.c_selectexpression_replace", CityData.StoreColumns);
        Exact.AssertEqual(Rows("store_id, name", [1L, "ALPHA"], [2L, "BETA"], [3L, "GAMMA"], [4L, null], [5L, "EPSILON"]),
            await Db.QueryAsync("SELECT store_id, name FROM out.c_selectexpression_replace"));
        fixture.Compiled.Single("warning", "CWF2802", "'Upper-case name'", "'name'");
    }

    [Fact]
    public async Task Dropcolumn_takes_an_array_or_a_comma_separated_string()
    {
        await Columns("out.c_dropcolumn_array", "store_id bigint, name text, district_id bigint, geom geometry");
        await Columns("out.c_dropcolumn_text", "store_id bigint, name text, district_id bigint, geom geometry");
    }

    [Fact]
    public async Task Renamecolumn_keeps_the_order()
    {
        await Columns("out.c_renamecolumn", CityData.StoreColumns.Replace("name text", "store_name text"));
    }

    [Fact]
    public async Task Two_output_filters_keep_the_input_columns()
    {
        foreach (var table in new[] { "where", "wheresimplified", "isnotnull", "spatialfilter" })
        {
            await Columns($"out.c_{table}_match", CityData.StoreColumns);
            await Columns($"out.c_{table}_unmatch", CityData.StoreColumns);
        }
    }

    [Fact]
    public async Task Orderby_and_limit_keep_the_input_columns()
    {
        await Columns("out.c_orderby_limit", CityData.StoreColumns);
        Exact.AssertEqual(Rows("store_id", [2L], [1L]), await Db.QueryAsync("SELECT store_id FROM out.c_orderby_limit"));
    }

    [Fact]
    public async Task Distinct_removes_duplicate_rows()
    {
        await Columns("out.c_distinct", "district_id bigint");
        Exact.AssertEqual(Rows("district_id", [1L], [2L], [3L], [null]), await Db.QueryAsync("SELECT district_id FROM out.c_distinct"));
    }

    [Fact]
    public async Task Groupby_outputs_group_columns_then_col_method_per_aggregation()
    {
        await Columns("out.c_groupby", "district_id bigint, revenue_sum double precision, store_id_count bigint, " +
            "revenue_avg double precision, revenue_min double precision, opened_max date, name_count_distinct bigint");
        Exact.AssertEqual(Rows("district_id, revenue_sum, store_id_count, revenue_avg, revenue_min, opened_max, name_count_distinct",
                [1L, 3500.0, 2L, 1750.0, 1000.0, new DateOnly(2021, 6, 1), 2L],
                [2L, null, 1L, null, null, new DateOnly(2019, 3, 15), 1L],
                [3L, 700.0, 1L, 700.0, 700.0, new DateOnly(2022, 1, 1), 1L],
                [null, 400.0, 1L, 400.0, 400.0, null, 0L]),
            await Db.ReadTableAsync("out.c_groupby"));
    }

    [Fact]
    public async Task Summarize_outputs_one_row_of_col_method()
    {
        await Columns("out.c_summarize", "revenue_sum double precision, store_id_count bigint, opened_min date");
        Exact.AssertEqual(Rows("revenue_sum, store_id_count, opened_min", [4600.0, 5L, new DateOnly(2019, 3, 15)]),
            await Db.ReadTableAsync("out.c_summarize"));
    }

    [Fact]
    public async Task Join_appends_every_secondary_column_with_the_joined_suffix()
    {
        await Columns("out.c_join", CityData.StoreColumns + ", district_id_joined bigint, name_joined text, geom_joined geometry");
        Exact.AssertEqual(Rows("store_id, name_joined", [1L, "Center"], [2L, "Center"], [3L, "East"], [4L, null], [5L, null]),
            await Db.QueryAsync("SELECT store_id, name_joined FROM out.c_join"));
    }

    [Fact]
    public async Task Join_suffix_is_appended_even_to_a_name_ending_in_joined()
    {
        await Columns("out.c_join_joined", "sensor_id bigint, lat double precision, lon double precision, reading double precision, id_joined bigint, " +
            "sensor_id_joined bigint, lat_joined double precision, lon_joined double precision, reading_joined double precision, id_joined_joined bigint");
    }

    [Fact]
    public async Task Spatialjoin_is_an_inner_join_with_joined_suffix()
    {
        await Columns("out.c_spatialjoin", CityData.StoreColumns + ", district_id_joined bigint, name_joined text, geom_joined geometry");
        Exact.AssertEqual(Rows("store_id, district_id_joined", [1L, 1L], [2L, 1L], [3L, 2L]),
            await Db.QueryAsync("SELECT store_id, district_id_joined FROM out.c_spatialjoin"));
    }

    [Fact]
    public async Task Spatialfilter_partitions_the_source()
    {
        Exact.AssertEqual(Rows("store_id", [1L], [2L], [3L]), await Db.QueryAsync("SELECT store_id FROM out.c_spatialfilter_match"));
        Exact.AssertEqual(Rows("store_id", [4L], [5L]), await Db.QueryAsync("SELECT store_id FROM out.c_spatialfilter_unmatch"));
    }

    [Fact]
    public async Task Buffer_appends_geo_buffer()
    {
        await Columns("out.c_buffer", CityData.StoreColumns + ", geom_buffer geometry");
        Exact.AssertEqual(Rows("store_id, kind", [1L, "POLYGON"], [2L, "POLYGON"], [3L, "POLYGON"], [4L, null], [5L, "POLYGON"]),
            await Db.QueryAsync("SELECT store_id, GeometryType(geom_buffer) AS kind FROM out.c_buffer"));
    }

    [Fact]
    public async Task Centroid_and_area_append_geo_centroid_and_a_float_geo_area()
    {
        await Columns("out.c_centroid_area", "district_id bigint, name text, geom geometry, geom_centroid geometry, geom_area double precision");
        Exact.AssertEqual(Rows("district_id, geom_centroid", [1L, RowSet.Geo("POINT (1 1)")], [2L, RowSet.Geo("POINT (5.5 5.5)")], [9L, RowSet.Geo("POINT (10.5 10.5)")]),
            await Db.QueryAsync("SELECT district_id, geom_centroid FROM out.c_centroid_area"));
        // A 2° x 2° square at the equator is about 49,000 km² (geodesic, in km² as asked).
        Measured.AssertEqual(Rows("geom_area", [49_173.0]), await Db.QueryAsync("SELECT round(geom_area) AS geom_area FROM out.c_centroid_area WHERE district_id = 1"));
    }

    [Fact]
    public async Task Distance_appends_a_float_distance()
    {
        await Columns("out.c_distance", CityData.StoreColumns + ", district_id_joined bigint, name_joined text, geom_joined geometry, distance double precision");
        Exact.AssertEqual(Rows("store_id, distance", [1L, 0.0], [2L, 0.0], [3L, 0.0], [4L, null], [5L, null]),
            await Db.QueryAsync("SELECT store_id, distance FROM out.c_distance"));
    }

    [Fact]
    public async Task Geogpoint_appends_geom_from_latitude_and_longitude()
    {
        await Columns("out.c_geogpoint", "sensor_id bigint, lat double precision, lon double precision, reading double precision, id_joined bigint, geom geometry");
        Exact.AssertEqual(Rows("sensor_id, geom", [1L, RowSet.Geo("POINT (0.5 0.5)")], [2L, null]),
            await Db.QueryAsync("SELECT sensor_id, geom FROM out.c_geogpoint"));
    }

    [Fact]
    public async Task Unionall_matches_columns_by_name_in_the_first_inputs_order()
    {
        await Columns("out.c_unionall", "id bigint, name text");
        Exact.AssertEqual(Rows("id, name", [1L, "Alpha"], [2L, "Beta"], [3L, "Gamma"], [4L, null], [5L, "Epsilon"], [1L, "Center"], [2L, "East"], [9L, "Empty"]),
            await Db.ReadTableAsync("out.c_unionall"));
    }

    [Fact]
    public async Task Customsql_output_is_what_the_sql_selects()
    {
        await Columns("out.c_customsql", "district_id bigint, stores bigint");
        Exact.AssertEqual(Rows("district_id, stores", [1L, 2L], [2L, 1L], [3L, 1L], [null, 1L]), await Db.ReadTableAsync("out.c_customsql"));
    }

    [Fact]
    public async Task Every_written_geo_column_is_geometry_with_srid_4326()
    {
        var rows = await Db.QueryAsync(
            "SELECT DISTINCT type, srid, coord_dimension FROM geometry_columns WHERE f_table_schema = 'out'");
        Exact.AssertEqual(Rows("type, srid, coord_dimension", ["GEOMETRY", 4326, 2]), rows);
    }
}
