using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Emit.Scripts;
using Cwf.Ir;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Emit;

/// <summary>
/// The statements that failed on a warehouse's first run (issue 12, "warehouse day-one
/// failures"), on the emitted text of every dialect: a limit by a procedure argument, source
/// geometries without an SRID or stored as geography, database parts on PostgreSQL, the lock
/// that serializes concurrent runs, and the replace strategies. They run for real in
/// <see cref="WarehouseExecutionTests"/> (PostgreSQL) and <see cref="DuckDbWarehouseTests"/>.
/// </summary>
public class WarehouseStatementTests
{
    public static TheoryData<string> DialectNames => new(Dialects.Names);

    private static Dialect D(string name) => Dialects.Find(name)!;

    private static EmitResult Emit(Workflow workflow, string dialect, EmitOptions? options = null) => SqlEmitter.Emit(workflow, D(dialect), options);

    private static string Sql(Workflow workflow, string dialect, EmitOptions? options = null)
    {
        var result = Emit(workflow, dialect, options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        return result.Sql!;
    }

    private static ColumnRef Order(string name) => EmitSamples.Col(EmitSamples.Orders, name);

    /// <summary>
    /// Appends to missing tables: the orders (known columns) into <c>fresh.orders</c>, custom SQL
    /// without declared columns into <c>fresh.doubled</c>; with <paramref name="replace"/>, also a
    /// replace of <c>fresh.replaced</c>.
    /// </summary>
    public static Workflow Appends(bool replace = false)
    {
        var b = new WorkflowBuilder("appends");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var custom = b.Opaque([orders.Id], "native.customsql", "SELECT id, amount * 2 AS doubled FROM $a", Schema.Open,
            ImmutableSortedDictionary<string, string>.Empty, "Custom");
        b.Sink(orders.Id, new TableName(["fresh", "orders"]), WriteMode.Append, "Known columns");
        b.Sink(custom.Id, new TableName(["fresh", "doubled"]), WriteMode.Append, "Unknown columns");
        if (replace) b.Sink(orders.Id, new TableName(["fresh", "replaced"]), WriteMode.Replace, "Replace");
        return b.ToWorkflow();
    }

    // ---- LIMIT by a procedure argument ----------------------------------------------------------

    /// <summary>The first <c>@top</c> orders by amount, <c>@top</c> public: a procedure argument.</summary>
    public static Workflow TopOrders(bool sorted = true)
    {
        var b = new WorkflowBuilder("top orders");
        b.AddParameter(new Parameter("top", SqlType.Int64, 3L, true));
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var input = sorted ? b.Sort(orders.Id, [new SortKey(Order("amount"), true), new SortKey(Order("id"), false)], "By amount").Id : orders.Id;
        var top = b.Limit(input, new ParamRef("top", SqlType.Int64), "Top");
        b.Sink(top.Id, new TableName(["analytics", "top_orders"]), WriteMode.Replace, "Save");
        return b.ToWorkflow();
    }

    [Theory]
    [InlineData("bigquery", "p_top")]
    [InlineData("snowflake", ":p_top")]
    [InlineData("databricks", "p_top")]
    public void A_limit_by_a_procedure_argument_numbers_the_rows_where_LIMIT_takes_only_constants(string dialect, string argument)
    {
        var sql = Sql(TopOrders(), dialect, new EmitOptions { Mode = EmitMode.Procedure });
        Assert.DoesNotContain("LIMIT " + argument, sql);
        Assert.Contains("ROW_NUMBER() OVER (ORDER BY amount DESC NULLS LAST, id ASC NULLS LAST) AS cwf_row", sql);
        Assert.Contains($") AS numbered\n  WHERE cwf_row <= {argument};", sql);
    }

    [Theory]
    [InlineData("bigquery", "ROW_NUMBER() OVER () AS cwf_row")]
    [InlineData("snowflake", "ROW_NUMBER() OVER (ORDER BY 1) AS cwf_row")]
    [InlineData("databricks", "ROW_NUMBER() OVER (ORDER BY 1) AS cwf_row")]
    public void An_unsorted_input_is_numbered_in_the_window_each_warehouse_accepts(string dialect, string numbering)
    {
        // Snowflake and Databricks require an ORDER BY in ROW_NUMBER's window; BigQuery does not.
        var sql = Sql(TopOrders(sorted: false), dialect, new EmitOptions { Mode = EmitMode.Procedure });
        Assert.Contains(numbering, sql);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("redshift")]
    public void A_limit_by_a_procedure_argument_stays_LIMIT_where_PL_pgSQL_binds_it(string dialect) =>
        Assert.Contains("LIMIT p_top;", Sql(TopOrders(), dialect, new EmitOptions { Mode = EmitMode.Procedure }));

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void A_limit_by_a_parameter_in_a_script_is_its_value(string dialect)
    {
        var sql = Sql(TopOrders(), dialect);
        Assert.Contains("LIMIT 3", sql);
        Assert.DoesNotContain("ROW_NUMBER", sql);
    }

    [Fact]
    public void The_row_number_column_does_not_take_an_input_column_name()
    {
        var b = new WorkflowBuilder("clash");
        b.AddParameter(new Parameter("top", SqlType.Int64, 3L, true));
        var t = b.Scan(new TableName(["s", "t"]), new Schema([new("cwf_row", SqlType.Int64), new("cwf_row_2", SqlType.String)]), "t");
        b.Sink(b.Limit(t.Id, new ParamRef("top", SqlType.Int64), "Top").Id, new TableName(["s", "u"]), WriteMode.Replace, "k");
        var sql = Sql(b.ToWorkflow(), "bigquery", new EmitOptions { Mode = EmitMode.Procedure });
        Assert.Contains("ROW_NUMBER() OVER () AS cwf_row_3", sql);
        Assert.Contains("WHERE cwf_row_3 <= p_top", sql);
    }

    // ---- source geometries ---------------------------------------------------------------------

    [Theory]
    [InlineData("postgres", "(SELECT ST_SetSRID(CAST(geom AS geometry), 4326) AS cwf_g)")]
    [InlineData("redshift", "ST_SetSRID(geom, 4326) AS geom\n    FROM geo.zones")]
    public void Source_geometries_are_read_in_SRID_4326(string dialect, string column)
    {
        // PostgreSQL then repairs the normalized geometry (GeographyValidityEmitTests); Redshift has no repair.
        var sql = Sql(EmitSamples.Spatial(h3: false), dialect);
        Assert.Contains(column, sql);
        Assert.Contains("\n    FROM geo.zones\n", sql);
        Assert.DoesNotContain("FROM geo.zones AS", sql);
        // A source without geography is still read straight from its table.
        Assert.Contains("FROM geo.places", sql);
        Assert.DoesNotContain("places AS (", sql);
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("databricks")]
    public void Warehouses_whose_geography_has_no_SRID_to_fix_read_sources_as_they_are(string dialect) =>
        Assert.Contains("FROM geo.zones AS r", Sql(EmitSamples.Spatial(h3: false, dialect: D(dialect)), dialect).Replace("`", ""));

    // ---- database parts on PostgreSQL ------------------------------------------------------------

    private static Workflow ThreePartNames(string readFrom = "analytics", string writeTo = "analytics")
    {
        var b = new WorkflowBuilder("three parts");
        var orders = b.Scan(new TableName([readFrom, "shop", "orders"]), EmitSamples.Orders, "orders");
        b.Sink(orders.Id, new TableName([writeTo, "out", "orders"]), WriteMode.Replace, "Save");
        return b.ToWorkflow();
    }

    [Fact]
    public void A_script_naming_a_database_stops_unless_it_runs_in_it()
    {
        var result = Emit(ThreePartNames(), "postgres");
        var sql = result.Sql!;
        Assert.Contains("""
            BEGIN;

            DO $cwf$
            BEGIN
              IF current_database() <> 'analytics' THEN
                RAISE EXCEPTION 'cwf: the workflow names tables of database %, but the script runs in database %', 'analytics', current_database()
                  USING ERRCODE = 'invalid_catalog_name', HINT = 'connect to that database, or leave the database part out of the table names';
              END IF;
            END
            $cwf$;

            SELECT pg_advisory_xact_lock(
            """, sql);
        Assert.Contains("CREATE TABLE out.orders AS\nSELECT", sql);
        Assert.Contains("FROM shop.orders", sql);
        var warnings = result.Diagnostics.Where(d => d.Code == "CWF6031").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("the script stops unless that is 'analytics'", w.Message));
    }

    [Fact]
    public void A_procedure_naming_a_database_checks_it_in_its_body()
    {
        var sql = Sql(ThreePartNames(), "postgres", new EmitOptions { Mode = EmitMode.Procedure });
        Assert.Contains("BEGIN\n  IF current_database() <> 'analytics' THEN\n", sql);
        Assert.Contains("  END IF;\n  PERFORM pg_advisory_xact_lock(", sql);
        Assert.DoesNotContain("DO $", sql);
    }

    [Fact]
    public void A_query_cannot_check_its_database_and_says_so()
    {
        var result = Emit(ThreePartNames(), "postgres", new EmitOptions { Mode = EmitMode.Query });
        Assert.DoesNotContain("current_database", result.Sql);
        Assert.Contains(result.Diagnostics, d => d.Code == "CWF6031" && d.Message.Contains("a query cannot check that it is 'analytics'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_database_name_that_needs_quoting_stays_inside_its_string_literal()
    {
        var sql = Sql(ThreePartNames("it's $cwf$", "it's $cwf$"), "postgres");
        Assert.Contains("IF current_database() <> 'it''s $cwf$' THEN", sql);
        Assert.Contains("DO $cwf1$\n", sql);
        Assert.Contains("\n$cwf1$;\n", sql);
    }

    [Fact]
    public void Tables_of_two_databases_are_an_error_on_PostgreSQL()
    {
        var result = Emit(ThreePartNames("sales", "reporting"), "postgres");
        Assert.Null(result.Sql);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CWF6032");
        Assert.Contains("names database 'reporting'", error.Message);
        Assert.Contains("names database 'sales'", error.Message);
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("redshift")]
    [InlineData("databricks")]
    public void Warehouses_that_name_databases_keep_the_part_and_check_nothing(string dialect)
    {
        var result = Emit(ThreePartNames("sales", "reporting"), dialect);
        Assert.DoesNotContain("current_database", result.Sql);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CWF6031" or "CWF6032");
    }

    // ---- the lock against concurrent runs --------------------------------------------------------

    [Fact]
    public void A_PostgreSQL_script_takes_its_lock_first_in_the_transaction_before_any_DDL()
    {
        var sql = Sql(EmitSamples.Relational(), "postgres");
        var statements = SqlStatementSplitter.Split(sql, D("postgres").LexicalRules).Select(s => s.Text).ToList();
        Assert.EndsWith("\n\nBEGIN", statements[0]);
        Assert.Matches(@"^SELECT pg_advisory_xact_lock\(-?\d+\)$", statements[1]);
        Assert.StartsWith("CREATE SCHEMA IF NOT EXISTS analytics", statements[2]);
        Assert.Single(statements, s => s.Contains("pg_advisory", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lock_key_is_the_same_for_the_same_outputs_in_any_order_and_differs_for_others()
    {
        string Key(params string[] tables)
        {
            var b = new WorkflowBuilder("lock");
            var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
            foreach (var table in tables) b.Sink(orders.Id, TableName.TryParse(table)!, WriteMode.Replace, "save " + table);
            var sql = Sql(b.ToWorkflow(), "postgres");
            return System.Text.RegularExpressions.Regex.Match(sql, @"pg_advisory_xact_lock\((-?\d+)\)").Groups[1].Value;
        }
        Assert.Equal(Key("a.x", "b.y"), Key("b.y", "a.x"));
        Assert.Equal(Key("a.x", "b.y"), Key("a.x", "b.y", "a.x"));
        Assert.NotEqual(Key("a.x", "b.y"), Key("a.x"));
        Assert.NotEqual(Key("a.x"), Key("a.z"));
        // FNV-1a 64 of the sorted names, one per line: a stable value, not a per-run hash.
        Assert.Equal(ScriptStatements.LockKey(["a.x", "b.y"]).ToString(System.Globalization.CultureInfo.InvariantCulture), Key("a.x", "b.y"));
        Assert.Equal(unchecked((long)0xaf63dc4c8601ec8c), ScriptStatements.LockKey(["a"]));
    }

    [Fact]
    public void A_procedure_takes_the_lock_with_PERFORM_and_a_query_takes_none()
    {
        Assert.Contains("\n  PERFORM pg_advisory_xact_lock(", Sql(EmitSamples.Relational(), "postgres", new EmitOptions { Mode = EmitMode.Procedure }));
        Assert.DoesNotContain("pg_advisory", Sql(EmitSamples.Relational(), "postgres", new EmitOptions { Mode = EmitMode.Query }));
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Only_PostgreSQL_has_the_advisory_lock(string dialect) =>
        Assert.Equal(dialect == "postgres", Sql(EmitSamples.Relational(), dialect).Contains("pg_advisory_xact_lock", StringComparison.Ordinal));

    // ---- replace strategies ----------------------------------------------------------------------

    private static Workflow ReplaceOne(string table = "analytics.orders")
    {
        var b = new WorkflowBuilder("replace");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        b.Sink(orders.Id, TableName.TryParse(table)!, WriteMode.Replace, "Save");
        return b.ToWorkflow();
    }

    private static EmitOptions Strategy(ReplaceStrategy strategy) => new() { ReplaceStrategy = strategy };

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Drop_is_the_default_strategy(string dialect) =>
        Assert.Equal(Sql(ReplaceOne(), dialect), Sql(ReplaceOne(), dialect, Strategy(ReplaceStrategy.Drop)));

    [Theory]
    [InlineData("postgres")]
    [InlineData("redshift")]
    public void Cascade_drops_the_table_with_its_views_where_views_are_bound_to_tables(string dialect)
    {
        var sql = Sql(ReplaceOne(), dialect, Strategy(ReplaceStrategy.Cascade));
        Assert.Contains("DROP TABLE IF EXISTS analytics.orders CASCADE;\n\nCREATE TABLE analytics.orders AS\n", sql);
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("databricks")]
    [InlineData("duckdb")]
    [InlineData("trino")]
    public void Cascade_is_an_error_where_DROP_TABLE_drops_no_views(string dialect)
    {
        var result = Emit(ReplaceOne(), dialect, Strategy(ReplaceStrategy.Cascade));
        Assert.Null(result.Sql);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CWF6050");
        Assert.Contains("step 'Save'", error.Message);
        Assert.Contains("leave --replace-strategy out", Assert.Single(error.Hints));
    }

    [Fact]
    public void Cascade_with_only_appends_replaces_nothing_and_is_no_error()
    {
        var b = new WorkflowBuilder("append");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        b.Sink(orders.Id, new TableName(["analytics", "orders"]), WriteMode.Append, "Save");
        Assert.DoesNotContain(Emit(b.ToWorkflow(), "bigquery", Strategy(ReplaceStrategy.Cascade)).Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("postgres", "analytics.orders", "orders")]
    [InlineData("redshift", "analytics.orders", "orders")]
    [InlineData("trino", "analytics.orders", "analytics.orders")]
    public void Swap_builds_the_table_beside_the_old_one_and_renames_it_into_place(string dialect, string table, string renamedTo)
    {
        var sql = Sql(ReplaceOne(), dialect, Strategy(ReplaceStrategy.Swap));
        Assert.Contains($"""
            DROP TABLE IF EXISTS analytics.cwf_new_orders;

            CREATE TABLE analytics.cwf_new_orders AS
            SELECT
            """, sql);
        Assert.Contains($"""
            FROM shop.orders;

            DROP TABLE IF EXISTS {table};

            ALTER TABLE analytics.cwf_new_orders RENAME TO {renamedTo};
            """, sql);
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("databricks")]
    [InlineData("duckdb")]
    public void Swap_is_CREATE_OR_REPLACE_where_that_replaces_atomically(string dialect) =>
        Assert.Equal(Sql(ReplaceOne(), dialect), Sql(ReplaceOne(), dialect, Strategy(ReplaceStrategy.Swap)));

    [Fact]
    public void The_swap_name_of_a_long_or_quoted_table_is_cut_and_stays_in_its_schema()
    {
        var sql = Sql(ReplaceOne("analytics.\"Order Lines " + new string('x', 60) + "\""), "postgres", Strategy(ReplaceStrategy.Swap));
        var aside = System.Text.RegularExpressions.Regex.Match(sql, @"CREATE TABLE analytics\.(cwf_new_\w+) AS").Groups[1].Value;
        Assert.StartsWith("cwf_new_order_lines_xx", aside);
        Assert.True(aside.Length <= 63, aside);
        Assert.Contains($"ALTER TABLE analytics.{aside} RENAME TO \"Order Lines {new string('x', 60)}\";", sql);
    }

    [Fact]
    public void The_strategy_changes_only_replace_outputs()
    {
        var relational = EmitSamples.Relational();
        var swap = Sql(relational, "postgres", Strategy(ReplaceStrategy.Swap));
        Assert.Contains("CREATE TABLE IF NOT EXISTS analytics.top_orders (", swap);
        Assert.Contains("INSERT INTO analytics.top_orders (", swap);
        Assert.DoesNotContain("cwf_new_top_orders", swap);
        Assert.Contains("ALTER TABLE analytics.cwf_new_orders_by_region RENAME TO orders_by_region;", swap);
    }
}
