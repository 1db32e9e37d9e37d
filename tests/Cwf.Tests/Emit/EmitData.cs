using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Emit;

/// <summary>Input tables for the samples of <see cref="EmitSamples"/> (with NULLs and real geographies) and the outputs the IR defines for them.</summary>
public static class EmitData
{
    public static TestTable Orders() => TestTable.Create("shop.orders",
        "id int64, customer_id int64, amount float64, quantity int64, status string, created date",
        [1L, 10L, 150.0, 3L, "open", new DateOnly(2024, 1, 5)],
        [2L, 11L, 50.0, 2L, "closed", new DateOnly(2023, 6, 1)],
        [3L, null, null, null, null, null],
        [4L, 10L, 300.5, 4L, "open", new DateOnly(2024, 2, 1)],
        [5L, 12L, 100.0, 1L, "it's", new DateOnly(2022, 12, 31)]);

    public static TestTable Customers() => TestTable.Create("shop.customers",
        "id int64, name string, region string",
        [10L, "Ann", "north"], [11L, "Bob", null], [12L, "Cy", "south"], [13L, "Dee", "east"]);

    /// <summary>An empty table for the sample's append output (append writes into an existing table).</summary>
    public static TestTable TopOrders() => TestTable.Create("analytics.top_orders",
        "id int64, customer_id int64, amount float64, quantity int64, status string, created date");

    public static TestTable Places() => TestTable.Create("geo.places",
        "id int64, name string, lon float64, lat float64",
        [1L, "Paris", 2.3522, 48.8566],
        [2L, "London", -0.1276, 51.5072],
        [3L, "Quito", -78.4678, -0.1807],
        [4L, "Sydney", 151.2093, -33.8688],
        [5L, "Nowhere", null, null]);

    public static TestTable Zones() => TestTable.Create("geo.zones",
        "zone_id int64, zone_name string, geom geography",
        [1L, "Ile-de-France", "POLYGON ((1.5 48.1, 3.6 48.1, 3.6 49.2, 1.5 49.2, 1.5 48.1))"],
        [2L, "Greater Sydney", "POLYGON ((150.5 -34.3, 151.5 -34.3, 151.5 -33.4, 150.5 -33.4, 150.5 -34.3))"],
        [3L, "Unknown", null]);

    public static TestTable OutsideTable() => TestTable.Create("geo.outside", "id int64, name string, geom geography");

    /// <summary>The relational sample's outputs over <see cref="Orders"/> and <see cref="Customers"/>.</summary>
    public static IReadOnlyDictionary<string, RowSet> RelationalOutputs() => new Dictionary<string, RowSet>
    {
        // Big orders (amount > 100) are 1 and 4, both of customer 10 (north).
        ["analytics.orders_by_region"] = RowSet.Of(["region_joined", "unit_price_sum", "id_count", "customer_id_count_distinct", "rows"],
            ["north", 150.0 / 3 + 300.5 / 4, 2L, 1L, 2L]),
        // The unmatch branch keeps false and NULL: orders 2, 3 and 5.
        ["analytics.order_summary"] = RowSet.Of(["quantity_sum", "quantity_avg", "amount_min", "amount_max"],
            [3L, 1.5, 50.0, 100.0]),
        // Every order (match + unmatch), sorted by amount descending with NULLs last.
        ["analytics.top_orders"] = RowSet.Of(["id", "customer_id", "amount", "quantity", "status", "created"],
            [4L, 10L, 300.5, 4L, "open", new DateOnly(2024, 2, 1)],
            [1L, 10L, 150.0, 3L, "open", new DateOnly(2024, 1, 5)],
            [5L, 12L, 100.0, 1L, "it's", new DateOnly(2022, 12, 31)],
            [2L, 11L, 50.0, 2L, "closed", new DateOnly(2023, 6, 1)],
            [3L, null, null, null, null, null]),
        ["statuses"] = RowSet.Of(["status"], ["open"], ["closed"], [null], ["it's"]),
    };
}
