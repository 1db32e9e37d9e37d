using Cwf.Ir;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class FilterMergingTests
{
    [Fact]
    public void Match_filters_merge_with_and_unmatch_filters_with_or()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f1 = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(1)), FilterBranch.Match, "f1");
        var f2 = b.Filter(f1.Id, ExprFactory.Binary(BinaryOp.Less, b.Col(f1.Id, "id"), Int(9)), FilterBranch.Match, "f2");
        var u1 = b.Filter(f2.Id, ExprFactory.Eq(b.Col(f2.Id, "name"), Literal.String("a")), FilterBranch.Unmatch, "u1");
        var u2 = b.Filter(u1.Id, ExprFactory.Eq(b.Col(u1.Id, "name"), Literal.String("b")), FilterBranch.Unmatch, "u2");
        b.Sink(u2.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %3 = filter %1 ((id > 1) and (id < 9))  // f2
            %5 = filter[unmatch] %3 ((name = 'a') or (name = 'b'))  // u2
            %6 = sink %5 -> out (replace)  // out
            """, After(new FilterMerging(), b.ToWorkflow()));
    }

    [Fact]
    public void A_filter_read_by_two_steps_is_not_merged()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f1 = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(1)), FilterBranch.Match, "f1");
        var f2 = b.Filter(f1.Id, ExprFactory.Binary(BinaryOp.Less, b.Col(f1.Id, "id"), Int(9)), FilterBranch.Match, "f2");
        b.Sink(f2.Id, Table("a"), WriteMode.Replace, "a");
        b.Sink(f1.Id, Table("b"), WriteMode.Replace, "b");
        AssertUnchanged(new FilterMerging(), b.ToWorkflow());
    }
}
