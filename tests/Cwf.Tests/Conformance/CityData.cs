using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Conformance;

/// <summary>
/// The small city most conformance canvases read: stores (points, one without a geometry, one
/// outside every district), districts (polygons, one without stores) and sensors (lat/lon, one
/// with a NULL latitude, and a column already called <c>id_joined</c>).
/// </summary>
internal static class CityData
{
    public static readonly TestTable Stores = TestTable.Create("src.stores",
        "store_id int64, name string, district_id int64, revenue float64, opened date, geom geography",
        [1, "Alpha", 1, 1000.0, "2020-01-01", "POINT (0.5 0.5)"],
        [2, "Beta", 1, 2500.0, "2021-06-01", "POINT (1.5 0.5)"],
        [3, "Gamma", 2, null, "2019-03-15", "POINT (5.5 5.5)"],
        [4, null, null, 400.0, null, null],
        [5, "Epsilon", 3, 700.0, "2022-01-01", "POINT (20 20)"]);

    public static readonly TestTable Districts = TestTable.Create("src.districts",
        "district_id int64, name string, geom geography",
        [1, "Center", "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"],
        [2, "East", "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"],
        [9, "Empty", "POLYGON ((10 10, 11 10, 11 11, 10 11, 10 10))"]);

    public static readonly TestTable Sensors = TestTable.Create("src.sensors",
        "sensor_id int64, lat float64, lon float64, reading float64, id_joined int64",
        [1, 0.5, 0.5, 1.5, 10],
        [2, null, 1.0, 2.0, 11]);

    public static readonly TestTable[] All = [Stores, Districts, Sensors];

    public const string StoreColumns = "store_id bigint, name text, district_id bigint, revenue double precision, opened date, geom geometry";
}
