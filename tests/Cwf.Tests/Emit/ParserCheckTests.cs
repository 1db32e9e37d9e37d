using Cwf.Emit;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Emit;

/// <summary>
/// Every statement of the scripts and queries parses with an independent parser of its dialect:
/// node-sql-parser (BigQuery, Snowflake, Redshift, PostgreSQL), dt-sql-parser's Spark grammar
/// (Databricks). Procedures are procedural code the parsers do not read; their bodies are the
/// script's statements, checked here.
/// </summary>
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
}
