using Cwf.Emit.Scripts;
using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Emit;

/// <summary>Non-spatial DuckDB SQL runs in process (DuckDB.NET) and computes what the IR means.</summary>
[EngineTest(Engine.DuckDb)]
public sealed class DuckDbExecutionTests : IDisposable
{
    private readonly DuckDbRunner _duck = new();

    public DuckDbExecutionTests()
    {
        _duck.LoadTable(EmitData.Orders());
        _duck.LoadTable(EmitData.Customers());
        _duck.LoadTable(EmitData.TopOrders());
    }

    public void Dispose() => _duck.Dispose();

    private static Dialect DuckDb => Dialects.Find("duckdb")!;

    private string Run(Workflow workflow, EmitOptions? options = null)
    {
        var result = SqlEmitter.Emit(workflow, DuckDb, options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        _duck.RunScript(result.Sql!).EnsureSucceeded();
        return result.Sql!;
    }

    [Fact]
    public void The_relational_sample_computes_its_outputs()
    {
        Run(EmitSamples.Relational());
        foreach (var (table, expected) in EmitData.RelationalOutputs())
            RowSetAssert.Equal(expected, _duck.ReadTable(table), new RowSetComparison { OrderSensitive = table == "analytics.top_orders" });
        Assert.Equal("BIGINT", _duck.Query("SELECT typeof(quantity_sum) AS t FROM analytics.order_summary").Rows[0][0]);
    }

    [Fact]
    public void Running_a_script_twice_replaces_and_appends()
    {
        Run(EmitSamples.Relational());
        Run(EmitSamples.Relational());
        Assert.Equal(1, _duck.ReadTable("analytics.orders_by_region").Count);
        Assert.Equal(10, _duck.ReadTable("analytics.top_orders").Count);
    }

    [Fact]
    public void Summarizing_an_empty_input_gives_one_row()
    {
        var b = new WorkflowBuilder("empty");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var none = b.Filter(orders.Id, Literal.Bool(false), FilterBranch.Match, "none");
        var summary = b.Aggregate(none.Id, [], [
            new AggregateCall("n", AggregateFunction.CountAll, null),
            new AggregateCall("c", AggregateFunction.Count, EmitSamples.Col(EmitSamples.Orders, "amount")),
            new AggregateCall("s", AggregateFunction.Sum, EmitSamples.Col(EmitSamples.Orders, "quantity")),
        ], "summary");
        b.Sink(summary.Id, new TableName(["summary"]), WriteMode.Replace, "k");
        Run(b.ToWorkflow());
        RowSetAssert.Equal(RowSet.Of(["n", "c", "s"], [0L, 0L, null]), _duck.ReadTable("summary"));
    }

    [Fact]
    public void Semi_and_anti_joins_keep_each_left_row_once_and_partition_the_input()
    {
        Run(SemiJoins());
        RowSetAssert.Equal(RowSet.Of(["id"], [10L], [11L], [12L]), _duck.Query("SELECT id FROM with_orders"));
        RowSetAssert.Equal(RowSet.Of(["id"], [13L]), _duck.Query("SELECT id FROM without_orders"));
    }

    /// <summary>Customers with and without orders: customer 10 has two orders, and must come out once.</summary>
    public static Workflow SemiJoins()
    {
        var b = new WorkflowBuilder("semi");
        var customers = b.Scan(new TableName(["shop", "customers"]), EmitSamples.Customers, "customers");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var condition = Eq(EmitSamples.Col(EmitSamples.Customers, "id"), EmitSamples.Col(EmitSamples.Orders, "customer_id", 1));
        b.Sink(b.SemiJoin(customers.Id, orders.Id, condition, false, "with orders").Id, new TableName(["with_orders"]), WriteMode.Replace, "k1");
        b.Sink(b.SemiJoin(customers.Id, orders.Id, condition, true, "without orders").Id, new TableName(["without_orders"]), WriteMode.Replace, "k2");
        return b.ToWorkflow();
    }

    [Fact]
    public void A_full_join_writes_its_explicit_outputs()
    {
        var b = new WorkflowBuilder("join");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var customers = b.Scan(new TableName(["shop", "customers"]), EmitSamples.Customers, "customers");
        var condition = Eq(EmitSamples.Col(EmitSamples.Orders, "customer_id"), EmitSamples.Col(EmitSamples.Customers, "id", 1));
        var join = b.Join(orders.Id, customers.Id, JoinKind.Full, condition, WorkflowBuilder.JoinedSuffixOutputs(EmitSamples.Orders, EmitSamples.Customers), "full");
        b.Sink(join.Id, new TableName(["joined"]), WriteMode.Replace, "k");
        Run(b.ToWorkflow());
        RowSetAssert.Equal(
            RowSet.Of(["id", "id_joined", "name_joined"], [1L, 10L, "Ann"], [2L, 11L, "Bob"], [3L, null, null], [4L, 10L, "Ann"], [5L, 12L, "Cy"], [null, 13L, "Dee"]),
            _duck.Query("SELECT id, id_joined, name_joined FROM joined"));
    }

    [Fact]
    public void Every_scalar_function_computes_the_IR_semantics()
    {
        _duck.LoadTable(FunctionExpectations.Inputs());
        Run(FunctionExpectations.Workflow());
        FunctionExpectations.AssertOutputs(_duck.Query(FunctionExpectations.OutputQuery));
    }

    [Fact]
    public void Custom_sql_reads_its_inputs_by_placeholder()
    {
        Run(EmitSamples.CustomAndParameters());
        RowSetAssert.Equal(
            RowSet.Of(["id", "name", "label"], [1L, "Ann", "it's big"], [2L, "Bob", "it's big"], [4L, "Ann", "it's big"], [5L, "Cy", "it's big"]),
            _duck.ReadTable("analytics.custom_out"));
    }

    [Fact]
    public void A_temporary_table_plan_runs_and_leaves_nothing_behind()
    {
        var workflow = EmitSamples.Relational();
        var shared = workflow.Nodes.Single(n => n.Name == "Big orders").Id;
        var plan = new MaterializationPlan(ImmutableSortedDictionary<int, NodePlan>.Empty.Add(shared, new NodePlan(shared, Materialization.TempTable, "shared")));
        var sql = Run(workflow, new EmitOptions { Plan = plan });
        Assert.Contains("CREATE TEMPORARY TABLE cwf_big_orders AS", sql);
        RowSetAssert.Equal(EmitData.RelationalOutputs()["analytics.top_orders"], _duck.ReadTable("analytics.top_orders"));
        Assert.Equal(0, _duck.Query("SELECT * FROM duckdb_tables() WHERE table_name = 'cwf_big_orders'").Count);
    }

    [Fact]
    public void Every_query_of_query_mode_runs()
    {
        var result = SqlEmitter.Emit(EmitSamples.Relational(), DuckDb, new EmitOptions { Mode = EmitMode.Query });
        var statements = ParserDialect.Postgres.SplitStatements(result.Sql!).Select(s => s.Text).ToList();
        Assert.Equal(4, statements.Count);
        Assert.Equal([1, 1, 5, 4], statements.Select(q => _duck.Query(q).Count));
    }
}
