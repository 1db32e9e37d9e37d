using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Emit;

/// <summary>
/// The statements of the warehouse day-one fixes (issue 12) parse with the independent parser of
/// every dialect that has one (<see cref="IndependentParsers"/>): appends that create their
/// table, every replace strategy a dialect accepts, and the numbered limit inside the procedures
/// of BigQuery, Snowflake and Databricks. PostgreSQL's database check (a DO block) runs on the
/// server instead (<see cref="WarehouseExecutionTests"/>).
/// </summary>
[EngineTest(Engine.Parser), EngineTest(Engine.DuckDb)]
public class WarehouseParseTests
{
    public static TheoryData<string> DialectNames => new(Dialects.Names);

    private static Dialect D(string name) => Dialects.Find(name)!;

    private static string Sql(Workflow workflow, Dialect dialect, EmitOptions? options = null)
    {
        var result = SqlEmitter.Emit(workflow, dialect, options);
        Assert.True(result.Sql is not null, string.Join("\n", result.Diagnostics));
        return result.Sql!;
    }

    [SkippableTheory]
    [MemberData(nameof(DialectNames))]
    public void Appends_and_every_accepted_replace_strategy_parse(string dialectName)
    {
        var dialect = D(dialectName);
        foreach (var strategy in Enum.GetValues<ReplaceStrategy>())
        {
            var result = SqlEmitter.Emit(WarehouseStatementTests.Appends(replace: true), dialect, new EmitOptions { ReplaceStrategy = strategy });
            if (result.Sql is null)
            {
                Assert.Equal(ReplaceStrategy.Cascade, strategy);
                continue;
            }
            IndependentParsers.AssertParses(dialect, result.Sql);
        }
    }

    [SkippableTheory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("databricks")]
    public void The_numbered_limit_in_a_procedure_body_parses(string dialectName)
    {
        var dialect = D(dialectName);
        foreach (var sorted in new[] { true, false })
        {
            var body = ProcedureBody(Sql(WarehouseStatementTests.TopOrders(sorted), dialect, new EmitOptions { Mode = EmitMode.Procedure }));
            Assert.Contains("ROW_NUMBER()", body);
            IndependentParsers.AssertParses(dialect, body);
        }
    }

    /// <summary>
    /// The statements of a procedure's body: the lines between its BEGIN and END, without
    /// Snowflake's closing RETURN. A Snowflake argument is read as a bind variable (<c>:p_top</c>),
    /// which only Snowflake Scripting knows; the parser checks the statement around it with the
    /// argument as a column name.
    /// </summary>
    private static string ProcedureBody(string procedure)
    {
        var lines = procedure.Split('\n');
        int begin = Array.FindIndex(lines, l => l.Trim() is "BEGIN" or "AS BEGIN");
        int end = Array.FindLastIndex(lines, l => l.StartsWith("END", StringComparison.Ordinal));
        Assert.True(begin >= 0 && end > begin, procedure);
        return string.Join("\n", lines[(begin + 1)..end].Where(l => l.Trim() != "RETURN 'done';")).Replace(":p_", "p_");
    }
}
