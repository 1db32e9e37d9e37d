using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Equivalence.Regressions;

/// <summary>
/// Counterexamples of the parse property (<see cref="DialectParseTests"/>): SQL every warehouse accepts, but
/// written so that an independent parser rejected it. The emitter now writes the clearer form, and the SQL of
/// every dialect with an independent parser parses, as a script and as queries.
/// </summary>
[EngineTest(Engine.Parser), EngineTest(Engine.DuckDb)]
public sealed class ParseRegressions
{
    public static TheoryData<string> DialectNames => new(Dialects.Names);

    private static readonly TestTable Table = TestTable.Create("t1", "c1 bool, c2 float64, c3 string", [true, 0.1, "a"], [false, 2.5, null]);

    /// <summary>
    /// Seed 9pChH3KVWVr4 (and the first failure of 6h4IK3z_Et14's run): <c>CAST(c1 AND c1 AS TEXT)</c> was rejected by
    /// node-sql-parser for BigQuery, PostgreSQL, Redshift and Snowflake. An operator operand of CAST is parenthesised.
    /// </summary>
    private static Workflow CastOfALogicalOperand()
    {
        var w = new Workflows(Table);
        var filter = w.Builder.Filter(w.Scan,
            Call(Functions.StartsWith, Cast(And(w.Col("c1"), w.Col("c1")), SqlType.String), Literal.String("  padded  ")),
            FilterBranch.Match, "filter1").Id;
        return w.Sink(filter, "out1").Build();
    }

    /// <summary>
    /// Seeds 6h4IK3z_Et14 (<c>ORDER BY c2 ASC NULLS LAST, FALSE OR FALSE DESC NULLS LAST</c>) and aSF0PQX2a7o4
    /// (<c>TRUE AND c5 ASC NULLS LAST</c>): a sort key that is a logical expression, rejected by node-sql-parser for
    /// the same four dialects. A logical sort key is parenthesised, as select items and grouping keys are.
    /// </summary>
    private static Workflow SortByALogicalKey()
    {
        var w = new Workflows(Table);
        var sort = w.Builder.Sort(w.Scan,
            [new SortKey(w.Col("c2"), false), new SortKey(Or(w.Col("c1"), Not(w.Col("c1"))), true), new SortKey(And(Literal.Bool(true), w.Col("c1")), false)],
            "sort1").Id;
        return w.Sink(sort, "out1").Build();
    }

    [SkippableTheory]
    [MemberData(nameof(DialectNames))]
    public void A_cast_of_a_logical_operand_parses(string dialect) => AssertParses(CastOfALogicalOperand(), dialect);

    [SkippableTheory]
    [MemberData(nameof(DialectNames))]
    public void A_logical_sort_key_parses(string dialect) => AssertParses(SortByALogicalKey(), dialect);

    private static void AssertParses(Workflow workflow, string name)
    {
        var dialect = Dialects.Find(name)!;
        foreach (var mode in new[] { EmitMode.Script, EmitMode.Query })
        {
            var result = SqlEmitter.Emit(workflow, dialect, new EmitOptions { Mode = mode });
            Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
            IndependentParsers.AssertParses(dialect, result.Sql!);
        }
    }
}
