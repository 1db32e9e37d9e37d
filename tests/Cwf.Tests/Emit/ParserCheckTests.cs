using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Emit;

/// <summary>
/// Every statement of the scripts and queries of every registered dialect parses with a parser
/// that is not cwf's (<see cref="IndependentParsers"/>): node-sql-parser (BigQuery, Snowflake,
/// Redshift, PostgreSQL), dt-sql-parser (Databricks' Spark grammar, Trino's own grammar), DuckDB's
/// own parser. A dialect without one is skipped, saying that its SQL is unchecked. Procedures are
/// procedural code the parsers do not read; their bodies are the script's statements, checked here.
/// </summary>
[EngineTest(Engine.Parser), EngineTest(Engine.DuckDb)]
public class ParserCheckTests
{
    public static TheoryData<string, string, EmitMode> Cases()
    {
        var data = new TheoryData<string, string, EmitMode>();
        foreach (var sample in EmitSnapshotTests.Samples.Keys)
            foreach (var dialect in Dialects.Names)
                foreach (var mode in new[] { EmitMode.Script, EmitMode.Query })
                    if (!(sample == "checks" && mode == EmitMode.Script && ProceduralChecks.Contains(dialect)))
                        data.Add(sample, dialect, mode);
        return data;
    }

    /// <summary>Where a data check is a procedural block (DO, a procedure, Snowflake Scripting) that the parsers do not read; CheckExecutionTests runs PostgreSQL's.</summary>
    private static readonly string[] ProceduralChecks = ["postgres", "redshift", "snowflake"];

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Statements_parse(string sample, string dialectName, EmitMode mode)
    {
        var dialect = Dialects.Find(dialectName)!;
        var result = SqlEmitter.Emit(EmitSnapshotTests.Samples[sample](dialect), dialect, new EmitOptions { Mode = mode });
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        IndependentParsers.AssertParses(dialect, result.Sql!);
    }

    /// <summary>
    /// A logical expression as a select item, a grouping key or an IN item is parenthesised: the
    /// parsers reject a bare AND/OR there (found by the long parser run, seeds ad8DBXe9rVd4,
    /// 0Kw_uP4vDuO4, 0mPbfB_lPmb4: <c>GROUP BY c2, FALSE AND TRUE</c>, <c>IN (FALSE, TRUE OR TRUE)</c>).
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(DialectNames))]
    public void Logical_items_keys_and_list_items_parse(string dialectName)
    {
        var dialect = Dialects.Find(dialectName)!;
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
        var sql = SqlEmitter.Emit(b.ToWorkflow(), dialect).Sql!;
        Assert.Contains("AS big_or_open", sql, StringComparison.OrdinalIgnoreCase);
        IndependentParsers.AssertParses(dialect, sql);
    }

    /// <summary>
    /// The ordered make-line aggregate wherever the warehouse has one, with a key that is descending with its NULLs
    /// first and one that is logical: Databricks sorts the collected points with a lambda comparator over the keys.
    /// Where the warehouse has none, the compile stops with the capability error that names it.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(DialectNames))]
    public void The_ordered_line_aggregate_parses(string dialectName)
    {
        var dialect = Dialects.Find(dialectName)!;
        var program = """
            source pings = table "src.pings" { vehicle: string, seen_at: int64, late: bool, geom: geography }
            output pings | group by vehicle { track: st_makeline_agg(geom order by seen_at desc nulls first, late or seen_at > 3) } -> table "out.tracks"
            """;
        var result = Cwf.Driver.Compiler.Compile(Cwf.Tests.Binding.Compilation.Ok(program), new Cwf.Driver.CompileOptions(dialect));
        if (!dialect.Aggregates.Spatial(AggregateFunction.MakeLine).IsAvailable)
        {
            Assert.Contains(result.Diagnostics, d => d.Code == "CWF6002" && d.Message.Contains(dialect.DisplayName, StringComparison.Ordinal));
            return;
        }
        Assert.False(result.Diagnostics.Any(d => d.IsError), string.Join("\n", result.Diagnostics));
        IndependentParsers.AssertParses(dialect, result.Sql!);
    }

    public static TheoryData<string> DialectNames() => new(Dialects.Names);
}
