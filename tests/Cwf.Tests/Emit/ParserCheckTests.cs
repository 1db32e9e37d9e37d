using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Emit;

/// <summary>
/// Every statement of the scripts and queries parses with an independent parser of its dialect:
/// node-sql-parser (BigQuery, Snowflake, Redshift, PostgreSQL), dt-sql-parser's Spark grammar
/// (Databricks). Procedures are procedural code the parsers do not read; their bodies are the
/// script's statements, checked here.
/// </summary>
[EngineTest(Engine.Parser)]
public class ParserCheckTests
{
    public static TheoryData<string, ParserDialect, EmitMode> Cases()
    {
        var data = new TheoryData<string, ParserDialect, EmitMode>();
        foreach (var sample in EmitSnapshotTests.Samples.Keys)
            foreach (var dialect in ParserDialects.All)
                foreach (var mode in new[] { EmitMode.Script, EmitMode.Query })
                    data.Add(sample, dialect, mode);
        return data;
    }

    private static Dialect DialectFor(ParserDialect dialect) => Dialects.Find(dialect.CheckerName())!;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Statements_parse(string sample, ParserDialect dialect, EmitMode mode)
    {
        var result = SqlEmitter.Emit(EmitSnapshotTests.Samples[sample](), DialectFor(dialect), new EmitOptions { Mode = mode });
        var sql = result.Sql;
        if (sql is null)
        {
            // Only a function the dialect lacks may stop emission (Snowflake's st_touches is not in the samples).
            Assert.Fail(string.Join("\n", result.Diagnostics));
            return;
        }
        SqlParsers.AssertScriptParses(dialect, sql);
    }

    /// <summary>
    /// A logical expression as a select item, a grouping key or an IN item is parenthesised: the
    /// parsers reject a bare AND/OR there (found by the long parser run, seeds ad8DBXe9rVd4,
    /// 0Kw_uP4vDuO4, 0mPbfB_lPmb4: <c>GROUP BY c2, FALSE AND TRUE</c>, <c>IN (FALSE, TRUE OR TRUE)</c>).
    /// </summary>
    [Theory]
    [MemberData(nameof(Dialects_))]
    public void Logical_items_keys_and_list_items_parse(ParserDialect dialect)
    {
        var b = new WorkflowBuilder("logical");
        var orders = b.Scan(new TableName(["shop", "orders"]), EmitSamples.Orders, "orders");
        var big = Binary(BinaryOp.Greater, EmitSamples.Col(EmitSamples.Orders, "amount"), Literal.Float(100));
        var open = Binary(BinaryOp.Equal, EmitSamples.Col(EmitSamples.Orders, "status"), Literal.String("open"));
        var project = b.Project(orders.Id, [
            new("id", EmitSamples.Col(EmitSamples.Orders, "id")),
            new("big_and_open", Binary(BinaryOp.And, big, open)),
            new("big_or_open", Binary(BinaryOp.Or, big, open)),
            new("not_big", Not(big)),
            new("listed", InList(big, [Literal.Bool(false), Binary(BinaryOp.Or, open, Literal.Bool(true))])),
        ], "flags");
        var grouped = b.Aggregate(orders.Id, [new("flag", Binary(BinaryOp.Or, big, open))], [new("n", AggregateFunction.CountAll, null)], "by_flag");
        b.Sink(project.Id, new TableName(["out", "flags"]), WriteMode.Replace, "k1");
        b.Sink(grouped.Id, new TableName(["out", "by_flag"]), WriteMode.Replace, "k2");
        var sql = SqlEmitter.Emit(b.ToWorkflow(), DialectFor(dialect)).Sql!;
        Assert.Contains("AS big_or_open", sql, StringComparison.OrdinalIgnoreCase);
        SqlParsers.AssertScriptParses(dialect, sql);
    }

    public static TheoryData<ParserDialect> Dialects_() => new(ParserDialects.All);
}
