using System.Collections.Immutable;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Tests.Components;

/// <summary>Steps after custom SQL whose result columns are unknown (an open schema).</summary>
public class OpenSchemaLoweringTests
{
    private static readonly Location Here = new FileLocation("test");

    private static (LoweringContext Cx, int Open) Start()
    {
        var cx = new LoweringContext(new WorkflowBuilder("t"), new DiagnosticBag());
        int scan = ComponentLowering.ReadTable(cx, TableName.TryParse("src.t")!, new Schema([new Column("id", SqlType.Int64)]), new StepInfo("t", Here));
        int open = cx.Builder.Opaque([scan], "native.customsql", "SELECT * FROM $a", Schema.Open, ImmutableSortedDictionary<string, string>.Empty, "q").Id;
        return (cx, open);
    }

    [Fact]
    public void Adding_renaming_dropping_or_joining_need_known_columns()
    {
        var (cx, open) = Start();
        var step = new StepInfo("s", Here);
        Assert.Null(ComponentLowering.Centroid(cx, open, new ColumnArg("geom", Here), step));
        Assert.Null(ComponentLowering.RenameColumn(cx, open, new ColumnArg("a", Here), "b", Here, step));
        Assert.Null(ComponentLowering.DropColumns(cx, open, [new ColumnArg("a", Here)], step));
        Assert.Null(ComponentLowering.Join(cx, open, open, new ColumnArg("a", Here), new ColumnArg("a", Here), JoinKind.Inner, step));
        Assert.All(cx.Diagnostics.ToImmutable(), d => Assert.Equal(DiagnosticCodes.UnknownInputColumns, d.Descriptor));
        Assert.Equal(4, cx.Diagnostics.Count);
    }

    [Fact]
    public void Row_steps_pass_an_open_schema_through()
    {
        var (cx, open) = Start();
        var step = new StepInfo("s", Here);
        int? sorted = ComponentLowering.OrderBy(cx, open, new ColumnArg("anything", Here), descending: false, step);
        int? filtered = ComponentLowering.IsNotNull(cx, sorted!.Value, new ColumnArg("other", Here), FilterBranch.Match, step);
        Assert.True(cx.Builder.SchemaOf(filtered!.Value).IsOpen);
        Assert.Equal(0, cx.Diagnostics.Count);
    }
}
