using Cwf.Interpretation;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Interpretation;

/// <summary>Interpreter tables as the test infrastructure's row sets, to compare them with an engine's results.</summary>
public static class TableRowSets
{
    public static RowSet ToRowSet(this Table table) => new([.. table.Schema.Names], table.Rows);
}

public class TableRowSetTests
{
    [Fact]
    public void Interpreter_tables_become_row_sets()
    {
        var schema = Harness.Schema(("id", Cwf.Ir.SqlType.Int64), ("geom", Cwf.Ir.SqlType.Geography));
        var table = Harness.Table(schema, [1L, Cwf.Interpretation.Geo.Wkt.TryRead("POINT(1 2)", out _)], [2L, null]);
        var rows = table.ToRowSet();
        Assert.Equal(["id", "geom"], rows.Columns);
        Assert.Equal(RowSet.Of(["id", "geom"], [1L, RowSet.Geo("POINT (1 2)")], [2L, null]).Format(), rows.Format());
    }
}
