using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using DuckDB.NET.Data;
using static Cwf.Ir.ExprFactory;
using F = Cwf.Ir.Functions;

namespace Cwf.Tests.Emit;

/// <summary>Non-spatial DuckDB SQL runs in process (DuckDB.NET) and computes what the IR means.</summary>
public sealed class DuckDbExecutionTests : IDisposable
{
    private readonly DuckDBConnection _db = new("DataSource=:memory:");

    public DuckDbExecutionTests()
    {
        _db.Open();
        Execute("""
            CREATE SCHEMA shop;
            CREATE TABLE shop.orders (id BIGINT NOT NULL, customer_id BIGINT, amount DOUBLE, quantity BIGINT, status VARCHAR, created DATE);
            INSERT INTO shop.orders VALUES
              (1, 10, 150.0, 3, 'open', DATE '2024-01-05'),
              (2, 11, 50.0, 2, 'closed', DATE '2023-06-01'),
              (3, NULL, NULL, NULL, NULL, NULL),
              (4, 10, 300.5, 4, 'open', DATE '2024-02-01'),
              (5, 12, 100.0, 1, 'it''s', DATE '2022-12-31');
            CREATE TABLE shop.customers (id BIGINT NOT NULL, name VARCHAR, region VARCHAR);
            INSERT INTO shop.customers VALUES (10, 'Ann', 'north'), (11, 'Bob', NULL), (12, 'Cy', 'south');
            CREATE SCHEMA analytics;
            CREATE TABLE analytics.top_orders (id BIGINT, customer_id BIGINT, amount DOUBLE, quantity BIGINT, status VARCHAR, created DATE);
            """);
    }

    public void Dispose() => _db.Dispose();

    private static Dialect DuckDb => Dialects.Find("duckdb")!;

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<object?[]> Rows(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private string Run(Workflow workflow, EmitOptions? options = null)
    {
        var result = SqlEmitter.Emit(workflow, DuckDb, options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        Execute(result.Sql!);
        return result.Sql!;
    }

    [Fact]
    public void The_relational_sample_computes_its_outputs()
    {
        Run(EmitSamples.Relational());

        // Big orders (amount > 100): 1 and 4, both customer 10 (north).
        var byRegion = Rows("SELECT region_joined, unit_price_sum, id_count, customer_id_count_distinct, \"rows\" FROM analytics.orders_by_region");
        var north = Assert.Single(byRegion);
        Assert.Equal("north", north[0]);
        Assert.Equal(150.0 / 3 + 300.5 / 4, (double)north[1]!, 9);
        Assert.Equal(2L, north[2]);
        Assert.Equal(1L, north[3]);
        Assert.Equal(2L, north[4]);

        // The unmatch branch keeps false and NULL: orders 2, 3 and 5.
        var summary = Assert.Single(Rows("SELECT quantity_sum, quantity_avg, amount_min, amount_max, typeof(quantity_sum) FROM analytics.order_summary"));
        Assert.Equal(3L, summary[0]);
        Assert.Equal(1.5, summary[1]);
        Assert.Equal(50.0, summary[2]);
        Assert.Equal(100.0, summary[3]);
        Assert.Equal("BIGINT", summary[4]);

        // Appended: every order (match + unmatch), sorted by amount descending with NULLs last, limit 10.
        var top = Rows("SELECT id FROM analytics.top_orders").Select(r => (long)r[0]!).ToList();
        Assert.Equal([4L, 1L, 5L, 2L, 3L], top);

        var statuses = Rows("SELECT status FROM statuses ORDER BY status NULLS LAST").Select(r => r[0]).ToList();
        Assert.Equal(["closed", "it's", "open", null], statuses);
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
        var row = Assert.Single(Rows("SELECT n, c, s FROM summary"));
        Assert.Equal([0L, 0L, null], row);
    }

    [Fact]
    public void Semi_and_anti_joins_keep_each_left_row_once_and_partition_the_input()
    {
        var b = new WorkflowBuilder("semi");
        var customers = b.Scan(new TableName(["shop", "customers"]), EmitSamples.Customers, "customers");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var condition = Eq(EmitSamples.Col(EmitSamples.Customers, "id"), EmitSamples.Col(EmitSamples.Orders, "customer_id", 1));
        b.Sink(b.SemiJoin(customers.Id, orders.Id, condition, false, "with orders").Id, new TableName(["with_orders"]), WriteMode.Replace, "k1");
        b.Sink(b.SemiJoin(customers.Id, orders.Id, condition, true, "without orders").Id, new TableName(["without_orders"]), WriteMode.Replace, "k2");
        Execute("INSERT INTO shop.customers VALUES (13, 'Dee', 'east')");
        Run(b.ToWorkflow());
        Assert.Equal([10L, 11L, 12L], Rows("SELECT id FROM with_orders ORDER BY id").Select(r => (long)r[0]!));
        Assert.Equal([13L], Rows("SELECT id FROM without_orders").Select(r => (long)r[0]!));
    }

    [Fact]
    public void Joins_write_their_explicit_outputs()
    {
        var b = new WorkflowBuilder("join");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var customers = b.Scan(new TableName(["shop", "customers"]), EmitSamples.Customers, "customers");
        var condition = Eq(EmitSamples.Col(EmitSamples.Orders, "customer_id"), EmitSamples.Col(EmitSamples.Customers, "id", 1));
        var join = b.Join(orders.Id, customers.Id, JoinKind.Full, condition, WorkflowBuilder.JoinedSuffixOutputs(EmitSamples.Orders, EmitSamples.Customers), "full");
        b.Sink(join.Id, new TableName(["joined"]), WriteMode.Replace, "k");
        Execute("INSERT INTO shop.customers VALUES (13, 'Dee', 'east')");
        Run(b.ToWorkflow());
        var rows = Rows("SELECT id, id_joined, name_joined FROM joined ORDER BY id NULLS LAST, id_joined");
        Assert.Equal(6, rows.Count);
        Assert.Equal([null, 13L, "Dee"], rows[^1]);
        Assert.Equal([3L, null, null], rows[2]);
    }

    [Fact]
    public void Every_scalar_function_computes_the_IR_semantics()
    {
        var b = new WorkflowBuilder("functions");
        var schema = new Schema([new("s", SqlType.String), new("x", SqlType.Float64), new("n", SqlType.Int64), new("m", SqlType.Decimal), new("d", SqlType.Date)]);
        var input = b.Scan(new TableName(["inputs"]), schema, "inputs");
        var s = EmitSamples.Col(schema, "s");
        var x = EmitSamples.Col(schema, "x");
        var n = EmitSamples.Col(schema, "n");
        var m = EmitSamples.Col(schema, "m");
        var d = EmitSamples.Col(schema, "d");
        var expectations = FunctionExpectations.Build(s, x, n, m, d);
        var project = b.Project(input.Id, expectations.Select(e => new NamedExpr(e.Name, e.Expr)), "computed");
        b.Sink(project.Id, new TableName(["computed"]), WriteMode.Replace, "k");
        Execute($"CREATE TABLE inputs (s VARCHAR, x DOUBLE, n BIGINT, m DECIMAL(38, 9), d DATE); INSERT INTO inputs VALUES {FunctionExpectations.InputRow}, (NULL, NULL, NULL, NULL, NULL)");
        Run(b.ToWorkflow());

        var rows = Rows($"SELECT {string.Join(", ", expectations.Select(e => e.Name))} FROM computed ORDER BY f_upper NULLS LAST");
        for (int i = 0; i < expectations.Count; i++)
        {
            FunctionExpectations.AssertValue(expectations[i], rows[0][i]);
            if (expectations[i].NullOnNullInput) Assert.True(rows[1][i] is null, $"{expectations[i].Name} of NULL should be NULL, was {rows[1][i]}");
        }
    }

    [Fact]
    public void Custom_sql_reads_its_inputs_by_placeholder()
    {
        Run(EmitSamples.CustomAndParameters());
        var rows = Rows("SELECT id, name, label FROM analytics.custom_out ORDER BY id");
        Assert.Equal([1L, 2L, 4L, 5L], rows.Select(r => (long)r[0]!));
        Assert.All(rows, r => Assert.Equal("it's big", r[2]));
    }

    [Fact]
    public void A_temporary_table_plan_runs_and_leaves_nothing_behind()
    {
        var workflow = EmitSamples.Relational();
        var shared = workflow.Nodes.Single(n => n.Name == "Big orders").Id;
        var plan = new MaterializationPlan(ImmutableSortedDictionary<int, NodePlan>.Empty.Add(shared, new NodePlan(shared, Materialization.TempTable, "shared")));
        var sql = Run(workflow, new EmitOptions { Plan = plan });
        Assert.Contains("CREATE TEMPORARY TABLE cwf_big_orders AS", sql);
        Assert.Equal(5, Rows("SELECT * FROM analytics.top_orders").Count);
        Assert.Empty(Rows("SELECT * FROM duckdb_tables() WHERE table_name = 'cwf_big_orders'"));
    }

    [Fact]
    public void Every_query_of_query_mode_runs()
    {
        var result = SqlEmitter.Emit(EmitSamples.Relational(), DuckDb, new EmitOptions { Mode = EmitMode.Query });
        var statements = result.Sql!.Split(";\n", StringSplitOptions.RemoveEmptyEntries).Where(s => s.Contains("SELECT", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, statements.Count);
        Assert.Equal([1, 1, 5, 4], statements.Select(q => Rows(q).Count));
    }

    [Fact]
    public void Running_a_script_twice_replaces_and_appends()
    {
        Run(EmitSamples.Relational());
        Run(EmitSamples.Relational());
        Assert.Single(Rows("SELECT * FROM analytics.orders_by_region"));
        Assert.Equal(10, Rows("SELECT * FROM analytics.top_orders").Count);
    }
}
