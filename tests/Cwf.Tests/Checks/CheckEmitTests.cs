using Cwf.Emit;
using Cwf.Ir;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Checks;

/// <summary>How each dialect writes data checks (spec/dialects.md "Data checks"): after every output, through the warehouse's own failure mechanism.</summary>
public class CheckEmitTests
{
    private static string Emit(string asserts, string dialect, EmitMode mode = EmitMode.Script)
    {
        var result = SqlEmitter.Emit(Ok(CheckData.Program(asserts)), Dialects.Find(dialect)!, new EmitOptions { Mode = mode });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        return result.Sql!;
    }

    public static TheoryData<string, string> Mechanisms => new()
    {
        { "postgres", "RAISE EXCEPTION '%', 'check all_orders.unique(order_id) failed: ' || CAST(cwf_measure AS TEXT) || ' rows'" },
        { "duckdb", "ELSE error('check all_orders.unique(order_id) failed: ' || CAST(cwf_check.measure AS VARCHAR) || ' rows') END" },
        { "bigquery", "ELSE ERROR('check all_orders.unique(order_id) failed: ' || CAST(cwf_check.measure AS STRING) || ' rows') END" },
        { "databricks", "ELSE raise_error('check all_orders.unique(order_id) failed: ' || CAST(cwf_check.measure AS STRING) || ' rows') END" },
        { "trino", "ELSE fail('check all_orders.unique(order_id) failed: ' || CAST(cwf_check.measure AS VARCHAR) || ' rows') END" },
        { "redshift", "RAISE EXCEPTION 'check % failed: % rows', cwf_check, cwf_measure;" },
        { "snowflake", "cwf_check_failed EXCEPTION (-20001, 'check all_orders.unique(order_id) failed (the check accepts 0)');" },
    };

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public void A_check_runs_after_every_output_through_the_warehouse_mechanism(string dialect, string mechanism)
    {
        var sql = Emit("assert all_orders unique(order_id)", dialect);
        Assert.Contains(mechanism, sql);
        // After the output is written, inside the script's transaction where there is one.
        int check = sql.IndexOf("all_orders.unique(order_id)", StringComparison.Ordinal);
        Assert.True(sql.IndexOf("out.orders", StringComparison.OrdinalIgnoreCase) < check);
        var commit = Dialects.Find(dialect)!.Capabilities.CommitTransaction;
        if (commit is not null) Assert.True(check < sql.LastIndexOf(commit, StringComparison.Ordinal));
    }

    [Fact]
    public void Checks_run_before_the_temporary_relations_they_read_are_dropped()
    {
        var text = $$"""
            {{CheckData.Source}}
            let per_customer = orders | group by customer_id { n: count() }
            output per_customer -> table "out.per_customer"
            output per_customer | select customer_id -> table "out.customers"
            assert per_customer rows between 1 and 5
            """;
        // Planned as the command line plans it: the aggregate read three times becomes a temporary table.
        var sql = Cwf.Driver.Compiler.Compile(Ok(text), new Cwf.Driver.CompileOptions(Dialects.Find("postgres")!)).Sql!;
        int drop = sql.IndexOf("DROP TABLE IF EXISTS pg_temp.cwf_per_customer", StringComparison.Ordinal);
        int read = sql.IndexOf("FROM cwf_per_customer\n  );", StringComparison.Ordinal);
        Assert.True(read > 0 && read < drop, sql);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("redshift")]
    [InlineData("snowflake")]
    [InlineData("bigquery")]
    public void A_procedure_runs_its_checks_inside_its_body(string dialect)
    {
        var workflow = Ok(CheckData.Program("assert all_orders rows between 1 and 10").Replace("\"out.orders\"", "\"shop.out_orders\""));
        var result = SqlEmitter.Emit(workflow, Dialects.Find(dialect)!, new EmitOptions { Mode = EmitMode.Procedure });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var sql = result.Sql!;
        Assert.Contains("all_orders.rows between 1 and 10", sql);
        Assert.DoesNotContain("DO $", sql);
        Assert.DoesNotContain("EXECUTE IMMEDIATE", sql);
        Assert.DoesNotContain("END;;", sql);
        Assert.DoesNotContain("CREATE OR REPLACE PROCEDURE cwf_check", sql);
    }

    [Fact]
    public void A_preview_shows_each_checks_measure_instead_of_failing()
    {
        var sql = Emit("assert all_orders expression amount >= 0", "databricks", EmitMode.Query);
        Assert.Contains("-- check all_orders.expression amount >= 0: the measure (passes when 0)", sql);
        Assert.DoesNotContain("raise_error", sql);
    }

    /// <summary>A check named with quotes, dollar quotes, line breaks and control characters: its name reaches SQL only as a string literal.</summary>
    internal static Workflow Hostile(string label, string column = "order_id")
    {
        var b = new WorkflowBuilder("hostile");
        var schema = new Schema([new Column(column, SqlType.Int64, false)]);
        var t = b.Scan(TableName.TryParse("src.weird")!, schema, "weird").Id;
        b.Sink(t, TableName.TryParse("out.weird")!, WriteMode.Replace, "out");
        var failing = b.Filter(t, ExprFactory.Binary(BinaryOp.Greater, ExprFactory.Column(schema[0]), Literal.Int(0)), FilterBranch.Match, "failing").Id;
        var count = b.Aggregate(failing, [], [new AggregateCall("measure", AggregateFunction.CountAll, null)], "measure").Id;
        b.Check(count, label, 0, 0, "check_1");
        return b.ToWorkflow();
    }

    internal const string HostileLabel = "weird.expression it's $$ \"q\" '; DROP TABLE out.weird; --\nline\ttab\r\u0001\u2028end";

    [Theory]
    [InlineData("postgres")]
    [InlineData("duckdb")]
    [InlineData("bigquery")]
    [InlineData("databricks")]
    [InlineData("trino")]
    public void A_hostile_check_name_is_one_string_literal(string dialect)
    {
        var result = SqlEmitter.Emit(Hostile(HostileLabel), Dialects.Find(dialect)!);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var sql = result.Sql!;
        // No raw line break, control character or separator of the name reaches the text.
        Assert.DoesNotContain("\nline", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redshift", "Redshift procedure body")]
    [InlineData("snowflake", "Snowflake Scripting block")]
    public void A_dollar_quote_in_a_check_is_refused_where_a_block_is_dollar_quoted(string dialect, string where)
    {
        var result = SqlEmitter.Emit(Hostile("weird.unique(\"a$$b\")", column: "a$$b"), Dialects.Find(dialect)!);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CWF6700", error.Code);
        Assert.Contains(where, error.Message);
        Assert.Null(result.Sql);
    }

    [Fact]
    public void A_dollar_quote_in_a_check_gets_another_tag_on_postgres()
    {
        var sql = SqlEmitter.Emit(Hostile("weird.unique(\"a$cwf$b\")", column: "a$cwf$b"), Dialects.Find("postgres")!).Sql!;
        Assert.Contains("DO $cwf1$", sql);
    }
}
