using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Binding;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Emit.Nearest;

/// <summary>
/// Customers and shops for nearest-neighbour comparisons. The shops lie on a 0.01° grid, so many
/// pairs are at exactly the same distance (mirror images in longitude, duplicated positions) and
/// the tie-breaking order decides; there are duplicated rows, shops without a geography or a
/// label, and customers without a geography.
/// </summary>
internal static class NearestData
{
    public const string Program = """
        source customers = table "geo.customers" { id: int64, name: string, geom: geography }
        source shops = table "geo.shops" { shop_id: int64, label: string, geom: geography }
        output customers | nearest 1 from shops -> table "out.n1"
        output customers | nearest 3 from shops as d -> table "out.n3"
        output customers | nearest 2 from shops within 1500 m -> table "out.n2_bounded"
        output customers | nearest 4 from shops on geom, shops.geom within 3 km | filter distance > 0 -> table "out.n4_bounded"
        """;

    public static readonly string[] Outputs = ["out.n1", "out.n3", "out.n2_bounded", "out.n4_bounded"];

    public static TestTable Customers()
    {
        var rows = new List<object?[]>();
        long id = 0;
        for (int x = -4; x <= 8; x += 3)
            for (int y = -3; y <= 6; y += 3)
                rows.Add([++id, "c" + id, $"POINT ({F(13.40 + x * 0.005)} {F(52.50 + y * 0.005)})"]);
        rows.Add([++id, "no location", null]);
        rows.Add(rows[3]);
        return TestTable.Create("geo.customers", "id int64, name string, geom geography", [.. rows]);
    }

    public static TestTable Shops()
    {
        var rows = new List<object?[]>();
        long id = 100;
        for (int x = -3; x <= 5; x += 2)
            for (int y = -2; y <= 4; y += 2)
                rows.Add([id++, id % 3 == 0 ? null : "s" + id, $"POINT ({F(13.40 + x * 0.01)} {F(52.50 + y * 0.01)})"]);
        rows.Add([id++, "no location", null]);
        rows.Add([id++, "same place as 100", rows[0][2]]);
        rows.Add(rows[5]);
        return TestTable.Create("geo.shops", "shop_id int64, label string, geom geography", [.. rows]);
    }

    public static Workflow Workflow() => Compilation.Ok(Program, allowWarnings: true);

    public static Database Inputs() =>
        new[] { Customers(), Shops() }.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Table(t.Schema, t.TypedRows())));

    private static string F(double v) => v.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture);
}
