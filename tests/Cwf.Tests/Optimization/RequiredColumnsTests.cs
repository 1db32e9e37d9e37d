using Cwf.Ir;
using Cwf.Optimization;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class RequiredColumnsTests
{
    // A scan read by three readers: a filter that passes its reader's set on (shared, never to be grown
    // in place), a projection, and a filter nobody reads (asked for nothing, reading nothing).
    [Fact]
    public void A_node_read_by_several_readers_needs_the_union_and_a_shared_set_stays_its_readers()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "population"), Int(5)), FilterBranch.Match, "f");
        var p1 = b.Project(f.Id, [b.Keep(f.Id, "population")], "p1");
        b.Sink(p1.Id, Table("a"), WriteMode.Replace, "a");
        var p2 = b.Project(scan.Id, [b.Keep(scan.Id, "country")], "p2");
        b.Sink(p2.Id, Table("b"), WriteMode.Replace, "b");
        var dead = b.Filter(scan.Id, Literal.Bool(true), FilterBranch.Match, "dead");
        var workflow = b.ToWorkflow();

        var required = RequiredColumns.Compute(workflow);

        Assert.Null(required.Of(p1.Id));
        Assert.Equal(["population"], required.Of(f.Id)!.Order());
        Assert.Equal(["country", "population"], required.Of(scan.Id)!.Order());
        Assert.Empty(required.Of(dead.Id)!);
        Assert.True(required.IsNeeded(scan.Id, "COUNTRY"));
        Assert.False(required.IsNeeded(scan.Id, "geom"));
        // An id the workflow does not have is asked for nothing.
        Assert.Empty(required.Of(workflow.NextId)!);
    }

    [Fact]
    public void Three_readers_grow_the_walks_own_copy_not_the_first_readers_set()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var f = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(scan.Id, "id"), Int(0)), FilterBranch.Match, "f");
        var names = new[] { "name", "country", "geom" };
        foreach (var name in names)
        {
            var p = b.Project(f.Id, [b.Keep(f.Id, name)], "p_" + name);
            b.Sink(p.Id, Table(name), WriteMode.Replace, name);
        }
        var keepName = b.Project(scan.Id, [b.Keep(scan.Id, "name")], "again");
        b.Sink(keepName.Id, Table("again"), WriteMode.Replace, "again");
        var required = RequiredColumns.Compute(b.ToWorkflow());

        Assert.Equal(["country", "geom", "name"], required.Of(f.Id)!.Order());
        Assert.Equal(["country", "geom", "id", "name"], required.Of(scan.Id)!.Order());
    }
}
