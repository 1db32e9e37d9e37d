using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class ProjectMergingTests
{
    private static readonly ProjectMerging Pass = new();

    [Fact]
    public void Merges_a_derive_and_a_select_and_drops_a_pass_through_projection()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var identity = b.Project(scan.Id, Cities.Columns.Select(c => b.Keep(scan.Id, c.Name)), "identity");
        var derive = b.Project(identity.Id, [b.Keep(identity.Id, "id"), new("k", ExprFactory.Binary(BinaryOp.Divide, b.Col(identity.Id, "population"), Int(1000)))], "derive");
        var select = b.Project(derive.Id, [new("key", b.Col(derive.Id, "id")), new("k2", ExprFactory.Binary(BinaryOp.Multiply, b.Col(derive.Id, "k"), b.Col(derive.Id, "k")))], "select");
        b.Sink(select.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Equal("""
            %1 = scan cities  // cities
            %4 = project %1 [key := id, k2 := ((population / 1000) * (population / 1000))]  // select
            %5 = sink %4 -> out (replace)  // out
            """, After(Pass, b.ToWorkflow()));
    }

    [Fact]
    public void Does_not_compute_spatial_or_raw_sql_work_twice()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var buffer = b.Project(scan.Id, [new("g", ExprFactory.Call(Functions.Buffer, b.Col(scan.Id, "geom"), Literal.Float(5))),
            new("r", new RawSql("random()", SqlType.Float64))], "buffer");
        var both = b.Project(buffer.Id, [new("a", ExprFactory.Call(Functions.Area, b.Col(buffer.Id, "g"))), new("l", ExprFactory.Call(Functions.LengthMeters, b.Col(buffer.Id, "g"))),
            b.Keep(buffer.Id, "r")], "both");
        b.Sink(both.Id, Table("out"), WriteMode.Replace, "out");
        AssertUnchanged(Pass, b.ToWorkflow());

        var c = new WorkflowBuilder("t");
        var s = c.Scan(Table("cities"), Cities, "cities");
        var random = c.Project(s.Id, [c.Keep(s.Id, "id"), new("r", new RawSql("random()", SqlType.Float64))], "random");
        var dropped = c.Project(random.Id, [c.Keep(random.Id, "id")], "dropped");
        c.Sink(dropped.Id, Table("out"), WriteMode.Replace, "out");
        AssertUnchanged(Pass, c.ToWorkflow());
    }

    [Fact]
    public void What_one_merge_counts_is_not_carried_into_the_next()
    {
        // The pass keeps one table of an inner projection's names and reads for all its merges: the first
        // merge here reads x (position 0) twice, the second reads the buffer (position 0 too) once; counts
        // left from the first would make it twice, and the buffer would not be merged.
        var b = new WorkflowBuilder("t");
        var first = b.Scan(Table("cities"), Cities, "cities");
        var x = b.Project(first.Id, [new("x", ExprFactory.Binary(BinaryOp.Add, b.Col(first.Id, "population"), Int(1)))], "x");
        var twice = b.Project(x.Id, [new("y", ExprFactory.Binary(BinaryOp.Multiply, b.Col(x.Id, "x"), b.Col(x.Id, "x")))], "twice");
        b.Sink(twice.Id, Table("out1"), WriteMode.Replace, "out1");
        var second = b.Scan(Table("cities"), Cities, "cities2");
        var buffer = b.Project(second.Id, [new("g", ExprFactory.Call(Functions.Buffer, b.Col(second.Id, "geom"), Literal.Float(5)))], "buffer");
        var area = b.Project(buffer.Id, [new("a", ExprFactory.Call(Functions.Area, b.Col(buffer.Id, "g")))], "area");
        b.Sink(area.Id, Table("out2"), WriteMode.Replace, "out2");
        var merged = Pass.Run(b.ToWorkflow(), OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(merged));
        var projects = merged.Nodes.OfType<ProjectNode>().ToList();
        Assert.Equal(["twice", "area"], projects.Select(p => p.Name));
        Assert.Equal(ExprFactory.Call(Functions.Area, ExprFactory.Call(Functions.Buffer, b.Col(second.Id, "geom"), Literal.Float(5))), projects[1].Columns[0].Expr);
    }

    [Fact]
    public void Stops_before_a_merge_grows_an_expression_beyond_the_bound()
    {
        // x := x + 1 adds two nodes a step: about fifty steps fit in one projection.
        var sum = new WorkflowBuilder("t");
        sum.Sink(sum.IncrementChain(150), Table("out"), WriteMode.Replace, "out");
        var merged = Settle(Pass, sum.ToWorkflow());
        Assert.Empty(IrValidator.Validate(merged));
        var projects = merged.Nodes.OfType<ProjectNode>().ToList();
        Assert.InRange(projects.Count, 3, 4);
        Assert.All(projects, p => Assert.InRange(SubstitutionBound.NodeCount(p.Columns[0].Expr, int.MaxValue), 1, SubstitutionBound.MaxNodes));

        // x := x * x doubles the size at every merge: a bound on depth alone would allow 2^depth nodes.
        var square = new WorkflowBuilder("t");
        int current = square.Scan(Table("a"), new Schema([new("x", SqlType.Int64)]), "a").Id;
        for (int i = 0; i < 30; i++)
            current = square.Project(current, [new("x", ExprFactory.Binary(BinaryOp.Multiply, square.Col(current, "x"), square.Col(current, "x")))], $"square{i}").Id;
        square.Sink(current, Table("out"), WriteMode.Replace, "out");
        var squared = Settle(Pass, square.ToWorkflow()).Nodes.OfType<ProjectNode>().ToList();
        Assert.All(squared, p => Assert.Equal(63, SubstitutionBound.NodeCount(p.Columns[0].Expr, int.MaxValue)));
        Assert.Equal(6, squared.Count);
    }
}
