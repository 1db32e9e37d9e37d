using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Binding;
using Cwf.Tests.Emit.Nearest;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Interpretation;

/// <summary>The interpreter's nearest neighbours: exact distances, k rows, ties by the other side's columns, left-join rows.</summary>
public class NearestStepTests
{
    private const string Header = """
        source customers = table "geo.customers" { id: int64, geom: geography }
        source shops = table "geo.shops" { shop_id: int64, label: string, geom: geography }
        """;

    private static RowSet Run(string output, TestTable customers, TestTable shops)
    {
        var workflow = Compilation.Ok(Header + "\noutput customers | " + output + " -> table \"out.t\"", allowWarnings: true);
        var inputs = new[] { customers, shops }.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Table(t.Schema, t.TypedRows())));
        var result = Interpreter.Run(workflow, inputs);
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
        return result.Outputs.Find(TableName.TryParse("out.t")!)!.ToRowSet();
    }

    private static TestTable Customers(params object?[][] rows) => TestTable.Create("geo.customers", "id int64, geom geography", rows);

    /// <summary>On the equator 0.01° east and west are the same distance away: a tie that shop_id breaks.</summary>
    private static TestTable Shops() => TestTable.Create("geo.shops", "shop_id int64, label string, geom geography",
        [2L, "east", "POINT (0.01 0)"], [1L, "west", "POINT (-0.01 0)"], [3L, "far", "POINT (0.02 0)"], [4L, "nowhere", null], [5L, "east again", "POINT (0.01 0)"]);

    [Fact]
    public void Keeps_the_k_nearest_with_ties_broken_by_the_other_columns_and_the_exact_distance()
    {
        var rows = Run("nearest 3 from shops | select id, shop_id_joined, distance", Customers([1L, "POINT (0 0)"]), Shops());
        Assert.Equal([1L, 2L, 5L], rows.Rows.Select(r => Convert.ToInt64(r[1])));
        // 0.01° of longitude on the WGS84 equator: a × 0.01 × π / 180.
        Assert.All(rows.Rows, r => Assert.Equal(1113.1949079327357, Convert.ToDouble(r[2]), 6));
    }

    [Fact]
    public void A_row_without_neighbours_is_kept_once_with_nulls()
    {
        var rows = Run("nearest 2 from shops within 1 km | select id, shop_id_joined, distance",
            Customers([1L, "POINT (0 0)"], [2L, null], [3L, "POINT (0.012 0)"]), Shops());
        Assert.Equal(["1||", "2||", "3|2|d", "3|5|d"], rows.Rows.Select(r => $"{r[0]}|{r[1]}|{(r[2] is null ? "" : "d")}"));
        Assert.Equal(4, Run("nearest 5 from shops", Customers([1L, "POINT (0 0)"]), Shops()).Count);
        Assert.Single(Run("nearest 5 from shops", Customers([1L, "POINT (0 0)"]), TestTable.Create("geo.shops", "shop_id int64, label string, geom geography")).Rows);
    }

    [Fact]
    public void The_sample_data_gives_k_rows_per_located_customer()
    {
        var result = Interpreter.Run(NearestData.Workflow(), NearestData.Inputs());
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
        int customers = NearestData.Customers().Rows.Count;
        Assert.Equal(customers, result.Outputs["out.n1"].Rows.Count);
        // One customer has no location: one row instead of three.
        Assert.Equal((customers - 1) * 3 + 1, result.Outputs["out.n3"].Rows.Count);
    }
}
