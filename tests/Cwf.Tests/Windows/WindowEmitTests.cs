using Cwf.Emit;
using Cwf.Ir;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Windows;

/// <summary>How each dialect writes windows and filters over them (spec/dialects.md section 3, "window" and "QUALIFY").</summary>
public class WindowEmitTests
{
    private static EmitResult Emit(string steps, string dialect) =>
        SqlEmitter.Emit(Ok(WindowData.Program(steps)), Dialects.Find(dialect)!);

    public static TheoryData<string, bool> QualifyByDialect => new()
    {
        { "bigquery", true }, { "snowflake", true }, { "databricks", true }, { "duckdb", true }, { "redshift", true },
        { "postgres", false }, { "trino", false },
    };

    [Theory]
    [MemberData(nameof(QualifyByDialect))]
    public void A_filter_on_a_window_uses_qualify_where_the_warehouse_has_it(string dialect, bool qualify)
    {
        var sql = Emit("| derive rn = row_number() over (partition by sensor_id order by seq desc) | filter rn = 1", dialect).Sql!;
        Assert.Equal(qualify, sql.Contains("QUALIFY (ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY seq DESC NULLS LAST)) = 1", StringComparison.Ordinal));
        // Without QUALIFY the filter reads the window step's query.
        Assert.Equal(!qualify, sql.Contains("WHERE rn = 1", StringComparison.Ordinal));
        Assert.Equal(dialect == "bigquery", sql.Contains("WHERE TRUE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_window_step_read_twice_is_computed_once_and_filtered_with_where()
    {
        var text = $"""
            {WindowData.Source}
            let ranked = readings | derive rn = row_number() over (partition by sensor_id order by seq desc)
            let first = ranked | filter rn = 1
            let second = ranked | filter rn = 2
            output first -> table "out.first"
            output second -> table "out.second"
            """;
        var sql = SqlEmitter.Emit(Ok(text), Dialects.Find("snowflake")!).Sql!;
        Assert.DoesNotContain("QUALIFY", sql);
        Assert.Contains("WHERE rn = 1", sql);
        Assert.Contains("WHERE rn = 2", sql);
    }

    [Fact]
    public void The_unmatched_rows_of_a_split_on_a_window_are_false_or_null()
    {
        var text = $"""
            {WindowData.Source}
            let _, rest = readings | derive r = rank() over (partition by sensor_id order by value desc) | split r <= 1
            output rest -> table "out.rest"
            """;
        var sql = SqlEmitter.Emit(Ok(text), Dialects.Find("duckdb")!).Sql!;
        Assert.Contains("QUALIFY NOT COALESCE((RANK() OVER (PARTITION BY sensor_id ORDER BY value DESC NULLS LAST)) <= 1, FALSE)", sql);
    }

    [Fact]
    public void Nulls_are_placed_explicitly_on_every_dialect()
    {
        foreach (var dialect in Dialects.Names)
        {
            var sql = Emit("| derive r = rank() over (order by value desc nulls first, seq)", dialect).Sql!;
            Assert.Contains("ORDER BY value DESC NULLS FIRST, seq ASC NULLS LAST", sql);
        }
    }

    [Fact]
    public void A_constant_order_key_is_left_out()
    {
        var sql = Emit("| derive n = count() over (partition by sensor_id order by 1)", "postgres").Sql!;
        Assert.Contains("COUNT(*) OVER (PARTITION BY sensor_id) AS n", sql);
    }

    public static TheoryData<string, string, string> RedshiftGaps => new()
    {
        { "| derive p = lag(value, 1, 0.0) over (partition by sensor_id order by seq)", "Amazon Redshift's LAG takes no default value", "coalesce" },
        { "| derive s = sum(value) over (partition by sensor_id order by seq)", "Amazon Redshift has no frame of a row and its peers (RANGE), which sum over an order without a frame reads", "rows between unbounded preceding and current row" },
        { "| derive l = last_value(label) over (order by seq)", "which last_value over an order without a frame reads", "write the frame" },
    };

    [Theory]
    [MemberData(nameof(RedshiftGaps))]
    public void Redshift_reports_what_it_cannot_compute(string steps, string message, string hint)
    {
        var result = Emit(steps, "redshift");
        Assert.Null(result.Sql);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CWF6400", error.Code);
        Assert.Contains(message, error.Message);
        Assert.Contains("in step 'result", error.Message);
        Assert.Contains(hint, string.Join(" ", error.Hints));
        // The other dialects compute it.
        foreach (var dialect in Dialects.Names.Where(n => n != "redshift"))
            Assert.NotNull(Emit(steps, dialect).Sql);
    }

    [Fact]
    public void Redshift_reads_first_value_over_a_row_frame_and_needs_none_without_an_order()
    {
        var sql = Emit("| derive f = first_value(label) over (partition by sensor_id order by seq), n = sum(value) over (partition by sensor_id)", "redshift").Sql!;
        Assert.Contains("FIRST_VALUE(label) OVER (PARTITION BY sensor_id ORDER BY seq ASC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", sql);
        Assert.Contains("SUM(value) OVER (PARTITION BY sensor_id) AS n", sql);
    }

    [Fact]
    public void Over_custom_sql_of_unknown_columns_every_column_is_kept()
    {
        var workflow = Ok(WindowData.Program("| sql \"SELECT * FROM $a\" | derive n = count() over ()"), allowWarnings: true);
        var sql = SqlEmitter.Emit(workflow, Dialects.Find("postgres")!).Sql!;
        Assert.Contains("  *,\n  COUNT(*) OVER () AS n", sql.ReplaceLineEndings("\n").Replace("    ", "  "));
    }

    [Fact]
    public void String_order_keys_are_ordered_by_code_point_on_postgres()
    {
        var sql = Emit("| derive r = row_number() over (order by label)", "postgres").Sql!;
        Assert.Contains("ORDER BY label COLLATE \"C\" ASC NULLS LAST", sql);
    }
}
