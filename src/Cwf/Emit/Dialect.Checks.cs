using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Data checks (spec/dialects.md "Data checks"): the statement that fails the script, with a
/// message naming the check, when its measure lies outside the accepted range. The default is a
/// SELECT that calls the warehouse's error function (<see cref="FailFunction"/>); warehouses without
/// one override <see cref="CheckStatements"/> with a procedural block.
/// </summary>
public abstract partial class Dialect
{
    /// <summary>The function that fails a query with a message (DuckDB <c>error</c>, BigQuery <c>ERROR</c> ...), or null where <see cref="CheckStatements"/> is overridden.</summary>
    protected virtual string? FailFunction => null;

    /// <summary>The statements of one check, run after every output is written (<paramref name="inProcedure"/>: inside a procedure body).</summary>
    public virtual IEnumerable<SqlBlock> CheckStatements(CheckQuery check, bool inProcedure)
    {
        var fail = FailFunction ?? throw new NotSupportedException($"{DisplayName} has no error function; its dialect writes checks itself.");
        var measure = "cwf_check." + check.Measure;
        return
        [
            new SqlBlock()
                .Line($"SELECT CASE WHEN {measure} BETWEEN {check.Low} AND {check.High} THEN NULL ELSE {fail}({CheckMessage(check, measure)}) END AS {Identifier("failure")}")
                .Line("FROM (")
                .Append(check.Query, 2)
                .Line(") AS cwf_check"),
        ];
    }

    /// <summary>Why the check cannot be written as this dialect quotes a block (a <c>$$</c> inside a <c>$$</c> body), or null.</summary>
    public virtual string? CheckProblem(CheckQuery check) => null;

    /// <summary>The failure message as a string expression: the fixed text as a string literal, then the measure as text.</summary>
    protected string CheckMessage(CheckQuery check, string measure) =>
        $"{Literal(check.MessagePrefix, SqlType.String).Text} || CAST({measure} AS {TypeName(SqlType.String)}) || {Literal(" rows", SqlType.String).Text}";
}
