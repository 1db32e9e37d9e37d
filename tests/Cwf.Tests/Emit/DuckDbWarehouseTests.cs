using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Emit;

/// <summary>
/// The warehouse day-one fixes of issue 12 that DuckDB runs in process: appends to missing
/// tables, replace strategies next to a view (DuckDB's views do not block a replace), and the
/// numbered limit the warehouses whose LIMIT takes only constants get, against LIMIT itself.
/// </summary>
[EngineTest(Engine.DuckDb)]
public sealed class DuckDbWarehouseTests : IDisposable
{
    private readonly DuckDbRunner _duck = new();

    public DuckDbWarehouseTests() => _duck.LoadTable(EmitData.Orders());

    public void Dispose() => _duck.Dispose();

    private static Dialect DuckDb => Dialects.Find("duckdb")!;

    private void Run(Workflow workflow, EmitOptions? options = null)
    {
        var result = SqlEmitter.Emit(workflow, DuckDb, options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        _duck.RunScript(result.Sql!).EnsureSucceeded();
    }

    private long Count(string table) => Convert.ToInt64(_duck.Query($"SELECT count(*) AS n FROM {table}").Rows[0][0]);

    [Fact]
    public void Appending_to_a_missing_table_creates_it_and_running_again_adds_the_rows()
    {
        var workflow = WarehouseStatementTests.Appends();
        Run(workflow);
        Assert.Equal(5, Count("fresh.orders"));
        Assert.Equal(5, Count("fresh.doubled"));
        Run(workflow);
        Assert.Equal(10, Count("fresh.orders"));
        Assert.Equal(10, Count("fresh.doubled"));
        Assert.Equal("BIGINT", _duck.Query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'fresh' AND table_name = 'orders' AND column_name = 'quantity'").Rows[0][0]);
    }

    /// <summary>DuckDB binds no view to a table: drop and swap (CREATE OR REPLACE) replace it under a view that keeps working.</summary>
    [Theory]
    [InlineData(ReplaceStrategy.Drop)]
    [InlineData(ReplaceStrategy.Swap)]
    public void Replacing_a_table_a_view_reads_keeps_the_view_working(ReplaceStrategy strategy)
    {
        _duck.RunScript("CREATE SCHEMA analytics; CREATE TABLE analytics.orders (id BIGINT); INSERT INTO analytics.orders VALUES (99); " +
            "CREATE VIEW analytics.order_ids AS SELECT id FROM analytics.orders").EnsureSucceeded();
        var b = new WorkflowBuilder("replace");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        b.Sink(orders.Id, new TableName(["analytics", "orders"]), WriteMode.Replace, "Save");
        Run(b.ToWorkflow(), new EmitOptions { ReplaceStrategy = strategy });
        Assert.Equal(5, Count("analytics.order_ids"));
    }

    /// <summary>
    /// The numbered limit (BigQuery, Snowflake, Databricks procedures) keeps the rows LIMIT keeps:
    /// the first ones in the sort's order, or as many rows as asked for an unsorted input.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("ORDER BY 1")]
    public void The_numbered_limit_keeps_the_rows_LIMIT_keeps(string? unsortedOrder)
    {
        var b = new WorkflowBuilder("limits");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var sort = b.Sort(orders.Id, [new SortKey(EmitSamples.Col(EmitSamples.Orders, "amount"), true), new SortKey(EmitSamples.Col(EmitSamples.Orders, "id"), false)], "sorted");
        var sortedTop = b.Limit(sort.Id, Literal.Int(3), "sorted top");
        var anyTop = b.Limit(orders.Id, Literal.Int(2), "any top");
        var workflow = b.ToWorkflow();

        var context = new EmitContext(workflow, DuckDb, EmitOptions.Default, new Dictionary<string, string>());
        var writer = new QueryWriter(context, id => id == orders.Id ? "shop.orders" : "sorted");
        string Query(SqlBlock main) => $"WITH sorted AS (\n{writer.Write(sort)}) \n{main}";

        var limited = _duck.Query(Query(writer.LimitClause((LimitNode)workflow[sortedTop.Id])));
        var numbered = _duck.Query(Query(writer.NumberedLimit((LimitNode)workflow[sortedTop.Id], unsortedOrder)));
        RowSetAssert.Equal(RowSet.Of(["id", "customer_id", "amount", "quantity", "status", "created"],
            [4L, 10L, 300.5, 4L, "open", new DateOnly(2024, 2, 1)],
            [1L, 10L, 150.0, 3L, "open", new DateOnly(2024, 1, 5)],
            [5L, 12L, 100.0, 1L, "it's", new DateOnly(2022, 12, 31)]), limited);
        RowSetAssert.Equal(limited, numbered);

        var any = _duck.Query(writer.NumberedLimit((LimitNode)workflow[anyTop.Id], unsortedOrder).ToString());
        Assert.Equal(2, any.Count);
        Assert.Equal(["id", "customer_id", "amount", "quantity", "status", "created"], any.Columns);
    }
}
