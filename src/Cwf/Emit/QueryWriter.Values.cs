using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Constant rows: one SELECT without FROM per row, joined by UNION ALL, which every warehouse
/// accepts; each value written as a whole column (<see cref="ExpressionWriter.WriteColumn"/>), so
/// that integer and text literals and NULLs carry the column's type. No rows: one row of typed
/// NULLs under <c>LIMIT 0</c>, so the columns keep their types.
/// </summary>
internal sealed partial class QueryWriter
{
    private const string ValuesAlias = "cwf_values";

    private SqlBlock WriteValues(ValuesNode v)
    {
        var writer = Expressions(v);
        var columns = v.TableSchema.Columns;
        var union = new SqlBlock();
        if (v.Rows.Count == 0)
        {
            union.Append(SelectList(columns.Select(c => Item(Dialect.Literal(null, c.Type), c.Name))));
            union.Line(Dialect.Limit(SqlFragment.Atom("0")));
        }
        for (int r = 0; r < v.Rows.Count; r++)
        {
            if (r > 0) union.Line("UNION ALL");
            var row = v.Rows[r];
            union.Append(SelectList(columns.Select((c, i) => Item(writer.WriteColumn(row[i]), c.Name))));
        }
        return new SqlBlock().Line("SELECT *").Line("FROM (").Append(union, 2).Line($") AS {ValuesAlias}");
    }
}
