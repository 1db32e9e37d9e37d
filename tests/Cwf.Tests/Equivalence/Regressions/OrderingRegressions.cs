using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Equivalence.Regressions;

/// <summary>Counterexamples about order: constant sort keys, and strings ordered by code point whatever the database's collation.</summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class OrderingRegressions(PostgresServer server)
{
    /// <summary>
    /// A constant sort key (found by the PostgreSQL property: <c>ORDER BY 'abc'</c> is an error there)
    /// orders nothing; written bare, an integer would even be a column position (<c>ORDER BY 2</c>).
    /// Constant keys are left out, the others still order.
    /// </summary>
    private static RegressionCase SortByConstants()
    {
        var w = new Workflows(TestTable.Create("t", "a int64, b string", [2L, "x"], [1L, "y"], [3L, "w"]));
        var sort = w.Builder.Sort(w.Scan, [new(Literal.String("abc"), false), new(Literal.Int(2), false), new(w.Col("a"), true)], "sort").Id;
        var limit = w.Builder.Limit(sort, Literal.Int(2), "limit").Id;
        var grouped = w.Builder.Aggregate(w.Scan, [new("flag", Literal.Bool(true)), new("one", Literal.Int(1))], [new("n", AggregateFunction.CountAll, null)], "aggregate").Id;
        return RegressionCase.Of(w.Sink(sort, "sorted").Sink(limit, "top").Sink(grouped, "grouped").Build(), w.Input)
            .Expect("sorted", RowSet.Of(["a", "b"], [3L, "w"], [2L, "x"], [1L, "y"]), ordered: true)
            .Expect("top", RowSet.Of(["a", "b"], [3L, "w"], [2L, "x"]), ordered: true)
            .Expect("grouped", RowSet.Of(["flag", "one", "n"], [true, 1L, 3L]));
    }

    [Fact]
    public Task Sorting_and_grouping_by_constants() => SortByConstants().AssertEverywhereAsync(server);

    /// <summary>
    /// Strings order by code point in the IR ('B' before 'a', 'Z' before 'é'). On a PostgreSQL
    /// database with a linguistic collation (ICU en-US, as many users have) sorts, comparisons,
    /// BETWEEN, MIN/MAX and a limit over a sort followed that collation instead (found by the
    /// collation property); the SQL now pins them with COLLATE "C", and output columns keep the
    /// database's default collation.
    /// </summary>
    private static RegressionCase StringsByCodePoint()
    {
        var w = new Workflows(TestTable.Create("t", "s string", ["a"], ["B"], ["é"], ["Z"], ["b"], [null]));
        var s = w.Col("s");
        var sorted = w.Builder.Sort(w.Scan, [new(s, false)], "sort").Id;
        var top = w.Builder.Limit(w.Builder.Sort(w.Scan, [new(s, true)], "sort desc").Id, Literal.Int(2), "limit").Id;
        var compared = w.Project(("s", s), ("below_a", Binary(BinaryOp.Less, s, Literal.String("a"))), ("in_a_to_z", Between(s, Literal.String("a"), Literal.String("z"))));
        var summary = w.Builder.Aggregate(w.Scan, [], [new("lowest", AggregateFunction.Min, s), new("highest", AggregateFunction.Max, s)], "aggregate").Id;
        return RegressionCase.Of(w.Sink(sorted, "sorted").Sink(top, "top").Sink(compared, "compared").Sink(summary, "summary").Build(), w.Input)
            .Expect("sorted", RowSet.Of(["s"], ["B"], ["Z"], ["a"], ["b"], ["é"], [null]), ordered: true)
            .Expect("top", RowSet.Of(["s"], ["é"], ["b"]), ordered: true)
            .Expect("compared", RowSet.Of(["s", "below_a", "in_a_to_z"],
                ["a", false, true], ["B", true, false], ["é", false, false], ["Z", true, false], ["b", false, true], [null, null, null]))
            .Expect("summary", RowSet.Of(["lowest", "highest"], ["B", "é"]));
    }

    [Fact]
    public Task Strings_order_by_code_point_under_a_linguistic_collation() => StringsByCodePoint().AssertEverywhereAsync(server, icuLocale: "en-US");

    [Fact]
    public async Task Output_columns_keep_the_database_collation()
    {
        var c = StringsByCodePoint();
        await using var db = await EquivalenceDatabases.CreateAsync(server, "collation", icuLocale: "en-US");
        await db.LoadTableAsync(TestTable.Create("t", "s string", ["a"], ["B"]));
        (await db.RunPsqlAsync(c.Sql("postgres"))).EnsureSucceeded();
        var collations = await db.QueryAsync("SELECT table_name::text AS t, column_name::text AS c, collation_name::text AS collation FROM information_schema.columns WHERE table_name IN ('sorted', 'summary') AND collation_name IS NOT NULL");
        Assert.Equal(0, collations.Count);
    }
}
