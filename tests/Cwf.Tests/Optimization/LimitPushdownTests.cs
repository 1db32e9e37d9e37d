using Cwf.Ir;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class LimitPushdownTests
{
    [Fact]
    public void Moves_below_projections_into_unions_and_merges_limits_but_not_below_sort()
    {
        var b = new WorkflowBuilder("t");
        var a = b.Scan(Table("a"), Cities, "a");
        var c = b.Scan(Table("c"), Cities, "c");
        var u = b.UnionAll([a.Id, c.Id], "u");
        var p = b.Project(u.Id, [b.Keep(u.Id, "id"), new("g", ExprFactory.Call(Functions.Buffer, b.Col(u.Id, "geom"), Literal.Float(5)))], "p");
        var l1 = b.Limit(p.Id, Int(100), "l1");
        var l2 = b.Limit(l1.Id, Int(10), "l2");
        b.Sink(l2.Id, Table("out"), WriteMode.Replace, "out");
        var s = b.Sort(a.Id, [new SortKey(b.Col(a.Id, "id"), false)], "s");
        var top = b.Limit(s.Id, Int(3), "top");
        b.Sink(top.Id, Table("top"), WriteMode.Replace, "top");
        Assert.Equal("""
            %1 = scan a  // a
            %2 = scan c  // c
            %12 = limit %1 10  // l1
            %13 = limit %2 10  // l1
            %3 = union %12 %13  // u
            %11 = limit %3 10  // l1
            %4 = project %11 [id, g := st_buffer(geom, 5.0)]  // p
            %7 = sink %4 -> out (replace)  // out
            %8 = sort %1 [id]  // s
            %9 = limit %8 3  // top
            %10 = sink %9 -> top (replace)  // top
            """, After(new LimitPushdown(), b.ToWorkflow()));
    }
}
