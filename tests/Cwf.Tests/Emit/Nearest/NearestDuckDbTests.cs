using Cwf.Emit;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Interpretation;

namespace Cwf.Tests.Emit.Nearest;

/// <summary>
/// The ranked nearest-neighbour SQL (number the left rows, left join within the bound, ROW_NUMBER
/// per left row, keep k) on DuckDB computes the interpreter's rows. DuckDB's spatial extension
/// cannot be installed here, so the distance is a number of a pair (|x - other.x|); the SQL shape
/// is the one every warehouse runs for geographies. Integer positions make many exact ties.
/// </summary>
[EngineTest(Engine.DuckDb)]
public sealed class NearestDuckDbTests : IDisposable
{
    private readonly DuckDbRunner _duck = new();

    private static readonly TestTable Points = TestTable.Create("src.points", "id int64, x float64",
        [1L, 0.0], [2L, 5.0], [3L, 5.0], [4L, null], [5L, 12.0], [6L, -3.0]);

    private static readonly TestTable Sites = TestTable.Create("src.sites", "site int64, label string, x float64",
        [10L, "b", 4.0], [11L, "a", 6.0], [12L, null, 6.0], [13L, "c", 1.0], [14L, "d", null], [15L, "a", 6.0], [16L, "e", -1.0]);

    public void Dispose() => _duck.Dispose();

    /// <summary>nearest k over |x - other.x|, ties by label then site, as the binder orders a geodesic distance's ties.</summary>
    private static Workflow Nearest(int k, double? within)
    {
        var b = new WorkflowBuilder("nearest");
        var points = b.Scan(Points.Name, Points.Schema, "points").Id;
        var sites = b.Scan(Sites.Name, Sites.Schema, "sites").Id;
        var distance = ExprFactory.Call(Functions.Abs,
            ExprFactory.Binary(BinaryOp.Subtract, ExprFactory.Column(Points.Schema[1]), ExprFactory.Column(Sites.Schema[2], input: 1)));
        SortKey[] order = [new(distance, false), new(ExprFactory.Column(Sites.Schema[1], input: 1), false), new(ExprFactory.Column(Sites.Schema[0], input: 1), false)];
        var nearest = b.Nearest(points, sites, k, distance, order, within is { } w ? Literal.Float(w) : null,
            WorkflowBuilder.JoinedSuffixOutputs(Points.Schema, Sites.Schema), "distance", "nearest");
        b.Sink(nearest.Id, TableName.TryParse("out.nearest")!, WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, 1.5)]
    [InlineData(9, null)]
    public void The_ranked_join_gives_the_interpreters_rows(int k, double? within)
    {
        _duck.LoadTable(Points);
        _duck.LoadTable(Sites);
        var workflow = Nearest(k, within);
        var emitted = SqlEmitter.Emit(workflow, Dialects.Find("duckdb")!);
        Assert.True(emitted.Sql is not null, string.Join("\n", emitted.Diagnostics));
        Assert.Equal(within is null, emitted.Diagnostics.Any(d => d.Code == "CWF6600"));
        _duck.RunScript(emitted.Sql!).EnsureSucceeded();

        var inputs = new[] { Points, Sites }.Aggregate(Database.Empty, (db, t) => db.With(t.Name, new Table(t.Schema, t.TypedRows())));
        var expected = Interpreter.Run(workflow, inputs).Outputs["out.nearest"].ToRowSet();
        RowSetAssert.Equal(expected, _duck.ReadTable("out.nearest"));
        // Point 4 has no position: one row with NULLs; the others k rows each (fewer within the bound).
        Assert.Single(expected.Rows, r => Convert.ToInt64(r[0]) == 4);
    }
}
