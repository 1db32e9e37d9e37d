using Cwf.Binding;
using Cwf.Canvas;
using Cwf.Catalog;
using Cwf.Formatting;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Canvas;
using Cwf.Text;

namespace Cwf.Tests.Components;

/// <summary><c>native.count</c> as a canvas node and as the generic step <c>count</c>: one row, the same IR both ways.</summary>
public class CountComponentTests
{
    [Fact]
    public void A_canvas_count_round_trips_through_its_step()
    {
        var c = new TestCanvas();
        var t = c.Source("src.t", "t", "id:int64", "value:float64");
        var count = c.Node("native.count", "How many");
        var save = c.Node("native.saveastable", "Save", ("destination", "out.n"));
        c.Flow(t, count).Flow(count, save);

        var text = CanvasTestKit.AssertRoundTrip(CanvasTestKit.Import(c), "count");
        Assert.True(text.Contains("  | count\n", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Count_is_one_row_even_for_an_empty_input_and_as_names_the_column()
    {
        var workflow = Cwf.Tests.Binding.Compilation.Ok("""
            source t = table "src.t" { id: int64 }
            output t | filter id > 100 | count as rows -> table "o.n"
            """);
        var aggregate = workflow.Nodes.OfType<AggregateNode>().Single();
        Assert.Empty(aggregate.Keys);
        Assert.Equal(["rows"], aggregate.Schema.Names);
        var scan = workflow.Nodes.OfType<ScanNode>().Single();
        var input = Database.Empty.With(scan.Table, new Table(scan.Schema, new object?[][] { [1L], [2L] }));
        var result = Interpreter.Run(workflow, input);
        Assert.Equal(0L, Assert.Single(result.Outputs.Find(new TableName(["o", "n"]))!.Rows)[0]);
    }
}
