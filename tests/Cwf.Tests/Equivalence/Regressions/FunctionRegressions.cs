using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Equivalence.Regressions;

/// <summary>Counterexamples and semantic choices about scalar functions, checked on every engine.</summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class FunctionRegressions(PostgresServer server)
{
    /// <summary>
    /// substr with a start before the string keeps the positions [start, start + n) that exist
    /// (standard SQL, the IR). DuckDB (like BigQuery, Snowflake and Databricks) counts a negative
    /// start from the end (found by the DuckDB property: <c>substr('A', -749151, 5)</c> was 'A').
    /// </summary>
    private static RegressionCase SubstrBeforeTheString()
    {
        var w = new Workflows(TestTable.Create("t", "s string, start int64", ["abcdef", -1L], ["abcdef", 0L], ["abcdef", 2L], ["A", -749151L], ["abcdef", -10L]));
        var project = w.Project(("start", w.Col("start")),
            ("three", Call(Functions.Substr, w.Col("s"), w.Col("start"), Literal.Int(3))),
            ("rest", Call(Functions.Substr, w.Col("s"), w.Col("start"))),
            ("literal", Call(Functions.Substr, w.Col("s"), Literal.Int(-1), Literal.Int(4))));
        return RegressionCase.Of(w.Sink(project, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["start", "three", "rest", "literal"],
                [-1L, "a", "abcdef", "ab"], [0L, "ab", "abcdef", "ab"], [2L, "bcd", "bcdef", "ab"], [-749151L, "", "A", "A"], [-10L, "", "abcdef", "ab"]));
    }

    [Fact]
    public Task Substr_with_a_start_before_the_string() => SubstrBeforeTheString().AssertEverywhereAsync(server);

    /// <summary>
    /// LIKE has no escape character in the IR: a backslash matches itself. PostgreSQL escapes with
    /// a backslash by default, for literal patterns and for patterns from columns alike.
    /// </summary>
    private static RegressionCase LikeWithoutEscape()
    {
        var w = new Workflows(TestTable.Create("t", "s string, p string", ["x\\_y", "x\\_y"], ["xay", "x\\_y"], ["x_y", "x\\_y"], ["50%", "50\\%"], ["50\\%", "50\\%"]));
        var project = w.Project(("s", w.Col("s")),
            ("literal", Like(w.Col("s"), Literal.String("x\\_y"))),
            ("column", Like(w.Col("s"), w.Col("p"))));
        return RegressionCase.Of(w.Sink(project, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["s", "literal", "column"],
                ["x\\_y", true, true], ["xay", false, false], ["x_y", false, false], ["50%", false, false], ["50\\%", false, true]));
    }

    [Fact]
    public Task Like_has_no_escape_character() => LikeWithoutEscape().AssertEverywhereAsync(server);

    /// <summary>
    /// CAST of a float to int64 rounds half away from zero (as BigQuery and Snowflake do);
    /// PostgreSQL's CAST rounds half to even, so the SQL decides by the fraction, exactly (a detour
    /// through numeric would keep only 15 digits of 1234567890123456.5).
    /// </summary>
    private static RegressionCase FloatToInt64()
    {
        var w = new Workflows(TestTable.Create("t", "x float64", [2.5], [-2.5], [0.5], [1.5], [0.49999999999999994], [-0.5], [1234567890123456.5], [7.0], [null]));
        var project = w.Project(("x", w.Col("x")), ("n", Cast(w.Col("x"), SqlType.Int64)));
        return RegressionCase.Of(w.Sink(project, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["x", "n"],
                [2.5, 3L], [-2.5, -3L], [0.5, 1L], [1.5, 2L], [0.49999999999999994, 0L], [-0.5, -1L], [1234567890123456.5, 1234567890123457L], [7.0, 7L], [null, null]));
    }

    [Fact]
    public Task Cast_of_a_float_to_int64_rounds_half_away_from_zero() => FloatToInt64().AssertEverywhereAsync(server);

    /// <summary>round is half away from zero, a float through its 15 significant digits (round(2.675, 2) = 2.68); PostgreSQL's round of a double breaks ties to even.</summary>
    private static RegressionCase RoundHalfAwayFromZero()
    {
        var w = new Workflows(TestTable.Create("t", "x float64, d decimal", [2.5, 2.5m], [-2.5, -2.5m], [0.5, 0.125m], [2.675, 2.675m], [-0.5, -0.125m]));
        var project = w.Project(("x", w.Col("x")),
            ("whole", Call(Functions.Round, w.Col("x"))),
            ("cents", Call(Functions.Round, w.Col("x"), Literal.Int(2))),
            ("decimal_whole", Call(Functions.Round, w.Col("d"))),
            ("decimal_cents", Call(Functions.Round, w.Col("d"), Literal.Int(2))));
        return RegressionCase.Of(w.Sink(project, "out").Build(), w.Input)
            .Expect("out", RowSet.Of(["x", "whole", "cents", "decimal_whole", "decimal_cents"],
                [2.5, 3.0, 2.5, 3m, 2.5m], [-2.5, -3.0, -2.5, -3m, -2.5m], [0.5, 1.0, 0.5, 0m, 0.13m], [2.675, 3.0, 2.68, 3m, 2.68m], [-0.5, -1.0, -0.5, 0m, -0.13m]));
    }

    [Fact]
    public Task Round_is_half_away_from_zero() => RoundHalfAwayFromZero().AssertEverywhereAsync(server);
}
