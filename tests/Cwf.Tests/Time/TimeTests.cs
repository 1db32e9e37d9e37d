using Cwf.Diagnostics;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Binding;

namespace Cwf.Tests.Time;

public sealed class TimeTests
{
    private const string Readings = "source r = table \"x.r\" { ts: timestamp, d: date, n: int64, f: float64, s: string }\n";

    private static Expr Derived(string expression)
    {
        var workflow = Compilation.Ok(Readings + $"output r | derive x = {expression} -> table \"o.t\"");
        return workflow.Nodes.OfType<ProjectNode>().Single().Columns.Single(c => c.Name == "x").Expr;
    }

    private static Diagnostic Error(string expression) =>
        Assert.Single(Compilation.Errors(Readings + $"output r | derive x = {expression} -> table \"o.t\""));

    [Theory]
    [InlineData("ts - 7 days", "add_days(ts, -7)")]
    [InlineData("d + 1 month", "add_months(d, 1)")]
    [InlineData("d + 2 years", "add_months(d, 24)")]
    [InlineData("3 weeks + d", "add_days(d, 21)")]
    [InlineData("ts + 90 minutes", "add_seconds(ts, 5400)")]
    [InlineData("date_add(ts, 1 quarter)", "add_months(ts, 3)")]
    [InlineData("date_sub(d, 1 day)", "add_days(d, -1)")]
    [InlineData("dateadd(day, n, ts)", "add_days(ts, n)")]
    [InlineData("date_trunc('month', ts)", "date_trunc_month(ts)")]
    [InlineData("date_trunc(d, week)", "date_trunc_week(d)")]
    [InlineData("date_trunc('day', d)", "d")]
    [InlineData("date_diff('day', d, ts)", "date_diff_days(d, ts)")]
    [InlineData("date_diff(ts, d, year)", "(year(ts) - year(d))")]
    [InlineData("extract(isodow from ts)", "day_of_week(ts)")]
    [InlineData("date_part('doy', d)", "day_of_year(d)")]
    [InlineData("hour(d)", "hour(cast(d as timestamp))")]
    public void Time_expressions_bind_to_the_IR_functions(string expression, string expected) =>
        Assert.Equal(expected, ExprPrinter.Print(Derived(expression)));

    [Fact]
    public void A_parameter_counts_an_interval()
    {
        var workflow = Compilation.Ok("param k: int64 = 2\n" + Readings + "output r | derive x = ts + @k hours -> table \"o.t\"");
        Assert.Equal("add_seconds(ts, (@k * 3600))", ExprPrinter.Print(workflow.Nodes.OfType<ProjectNode>().Single().Columns.Single(c => c.Name == "x").Expr));
    }

    [Fact]
    public void Types_follow_the_operand()
    {
        Assert.Equal(SqlType.Date, Derived("d + 1 month").Type);
        Assert.Equal(SqlType.Timestamp, Derived("d + 1 hour").Type);
        Assert.Equal(SqlType.Timestamp, Derived("date_trunc('week', ts)").Type);
        Assert.Equal(SqlType.Int64, Derived("date_diff('minute', d, ts)").Type);
        Assert.Equal(SqlType.Date, Derived("current_date").Type);
        Assert.Equal(SqlType.Timestamp, Derived("current_timestamp").Type);
        Assert.Equal(SqlType.Timestamp, Derived("now()").Type);
    }

    [Theory]
    [InlineData("7 days", "CWF2500", "is not added to a date or timestamp")]
    [InlineData("n + 7 days", "CWF2008", "an interval is added to a date or timestamp, but this is int64")]
    [InlineData("7 days - ts", "CWF2500", "subtract the interval from the date")]
    [InlineData("1 day + 2 hours", "CWF2500", "two intervals")]
    [InlineData("ts + 1.5 hours", "CWF2011", "whole hours")]
    [InlineData("date_trunc('fortnight', ts)", "CWF2501", "unknown time unit 'fortnight'")]
    [InlineData("date_trunc('second', ts)", "CWF2501", "does not truncate to seconds")]
    [InlineData("extract(dow from ts)", "CWF2502", "numbers the days differently")]
    [InlineData("date_part('dow', ts)", "CWF2502", "numbers the days differently")]
    [InlineData("date_diff('day', s, ts)", "CWF2007", "needs a date or timestamp")]
    public void Time_mistakes_are_diagnosed(string expression, string code, string message)
    {
        var error = Error(expression);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message + " " + string.Join(" ", error.Hints));
    }

    [Fact]
    public void Adding_a_number_to_a_date_suggests_an_interval()
    {
        var error = Error("d + 1");
        Assert.Equal("CWF2008", error.Code);
        Assert.Contains(error.Hints, h => h.Contains("d + 7 days"));
    }

    [Fact]
    public void A_column_named_like_the_clock_wins()
    {
        var workflow = Compilation.Ok("source r = table \"x.r\" { current_date: string }\noutput r | derive x = current_date -> table \"o.t\"");
        Assert.IsType<ColumnRef>(workflow.Nodes.OfType<ProjectNode>().Single().Columns.Single(c => c.Name == "x").Expr);
    }

    [Fact]
    public void Intervals_format_and_format_again_the_same()
    {
        var text = Readings + "output r | filter ts >= current_timestamp - 7   days | derive a = d+1 month, b = date_trunc('week', ts) -> table \"o.t\"\n";
        var once = CwfFormatter.Format(text)!;
        Assert.Contains("current_timestamp - 7 days", once);
        Assert.Contains("d + 1 month", once);
        Assert.Equal(once, CwfFormatter.Format(once));
        Assert.Equal(IrPrinter.PrintCanonical(Compilation.Ok(text)), IrPrinter.PrintCanonical(Compilation.Ok(once)));
    }

    [Fact]
    public void The_clock_is_fixed_to_literals_by_the_run_time()
    {
        var workflow = Compilation.Ok(Readings + "output r | filter ts >= current_timestamp - 7 days and d <= current_date -> table \"o.t\"");
        var now = new DateTime(2026, 1, 31, 12, 0, 0, 123).AddTicks(4567);
        var text = IrPrinter.Print(RunClock.Fixed(workflow, now));
        Assert.Contains("timestamp '2026-01-31 12:00:00.123456'", text);
        Assert.Contains("date '2026-01-31'", text);
        Assert.DoesNotContain("current_", text);
        var clockless = Compilation.Ok(Readings + "output r -> table \"o.t\"");
        Assert.Same(clockless, RunClock.Fixed(clockless, now));
    }

    [Fact]
    public void The_interpreter_reads_one_clock_per_run()
    {
        var workflow = Compilation.Ok("source r = table \"x.r\" { id: int64 }\noutput r | derive today = current_date, now = current_timestamp -> table \"o.t\"");
        var input = Database.Empty.With(new TableName(["x", "r"]), new Table(workflow.Nodes.OfType<ScanNode>().Single().Schema, new object?[][] { [1L], [2L] }));
        var result = Interpreter.Run(workflow, input, new InterpreterOptions { Now = new DateTime(2024, 2, 29, 23, 30, 0) });
        var rows = result.Outputs.Find(new TableName(["o", "t"]))!.Rows;
        Assert.All(rows, row => Assert.Equal(new DateOnly(2024, 2, 29), row[1]));
        Assert.All(rows, row => Assert.Equal(new DateTime(2024, 2, 29, 23, 30, 0), row[2]));
    }

    [Fact]
    public void Compiled_SQL_holds_the_clock_as_a_literal_only_when_overridden()
    {
        var workflow = Compilation.Ok(Readings + "output r | filter d = current_date -> table \"o.t\"");
        var postgres = Cwf.Emit.Dialects.Find("postgres")!;
        var free = Cwf.Driver.Compiler.Compile(workflow, new Cwf.Driver.CompileOptions(postgres)).Sql!;
        var fixedSql = Cwf.Driver.Compiler.Compile(workflow, new Cwf.Driver.CompileOptions(postgres) { Now = new DateTime(2026, 1, 31, 12, 0, 0) }).Sql!;
        Assert.Contains("CAST(NOW() AT TIME ZONE 'UTC' AS DATE)", free);
        Assert.Contains("DATE '2026-01-31'", fixedSql);
        Assert.DoesNotContain("NOW()", fixedSql);
    }

    [Fact]
    public void The_interpreter_computes_the_edge_cases_as_PostgreSQL_does()
    {
        var workflow = TimeSamples.Workflow();
        var table = TimeSamples.Moments();
        var result = Interpreter.Run(workflow, Database.Empty.With(table.Name, new Table(table.Schema, [.. table.TypedRows()])));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var output = result.Outputs.Find(new TableName(["t", "edges"]))!;
        object? Cell(int row, string column) => output.Rows[row][output.Schema.IndexOf(column)];

        Assert.Equal(new DateOnly(2024, 2, 29), Cell(0, "plus_month"));
        Assert.Equal(new DateOnly(2023, 12, 31), Cell(0, "minus_month"));
        Assert.Equal(new DateOnly(2025, 2, 28), Cell(1, "plus_year"));
        Assert.Equal(new DateOnly(2023, 2, 28), Cell(2, "minus_month"));
        Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 59, 500), Cell(0, "ts_plus_month"));
        Assert.Equal(new DateTime(2024, 1, 31, 1, 30, 0), Cell(0, "d_plus_minutes"));
        Assert.Equal(new DateOnly(2024, 1, 29), Cell(0, "wk"));
        Assert.Equal(new DateOnly(2026, 11, 30), Cell(3, "wk"));
        Assert.Equal(new DateOnly(2024, 1, 1), Cell(1, "qt"));
        Assert.Equal(30L, Cell(0, "days"));
        Assert.Equal(2L, Cell(0, "months"));
        Assert.Equal(1L, Cell(2, "years"));
        Assert.Equal(-6L, Cell(3, "days"));
        Assert.Equal(0L, Cell(3, "weeks"));  // Sunday and the Monday before: one ISO week
        Assert.Equal(2L, Cell(2, "hours"));
        Assert.Equal(7L, Cell(3, "dow"));
        Assert.Equal(4L, Cell(1, "dow"));
        Assert.Equal(60L, Cell(1, "doy"));
        Assert.Equal(5L, Cell(0, "iso_week"));
        Assert.Equal(59L, Cell(0, "s"));
        Assert.All(output.Schema.Columns.Skip(4).Select((_, i) => Cell(4, output.Schema.Columns[i + 4].Name)), Assert.Null);
    }
}
