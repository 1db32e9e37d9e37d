using Cwf.Ir;
using Cwf.Optimization;

namespace Cwf.Tests.Optimization;

/// <summary>Small workflows for pass tests, and the before/after check every pass test uses.</summary>
internal static class Fixtures
{
    public static Schema Cities { get; } = new([
        new("id", SqlType.Int64, false), new("name", SqlType.String), new("population", SqlType.Int64),
        new("country", SqlType.String), new("geom", SqlType.Geography)]);

    public static Schema Countries { get; } = new([
        new("code", SqlType.String, false), new("continent", SqlType.String), new("geom", SqlType.Geography)]);

    public static TableName Table(string name) => TableName.TryParse(name)!;

    public static ColumnRef Col(this WorkflowBuilder b, int node, string name, int input = 0) =>
        ExprFactory.Column(b.SchemaOf(node).Find(name)!, input);

    public static NamedExpr Keep(this WorkflowBuilder b, int node, string name) => new(name, b.Col(node, name));

    public static Expr Int(long v) => Literal.Int(v);

    /// <summary>A scan of one int64 column x, then <paramref name="steps"/> projections <c>x := x + 1</c>; returns the last one's id.</summary>
    public static int IncrementChain(this WorkflowBuilder b, int steps)
    {
        int current = b.Scan(Table("a"), new Schema([new("x", SqlType.Int64)]), "a").Id;
        for (int i = 0; i < steps; i++)
            current = b.Project(current, [new("x", ExprFactory.Binary(BinaryOp.Add, b.Col(current, "x"), Int(1)))], $"inc{i}").Id;
        return current;
    }

    public static OptimizerTarget BigQueryLike { get; } = new()
    {
        Name = "bigquery-like", HasNativeDWithin = true, PrefersDWithinOverBuffer = true, SupportsTempTables = true, SupportsViews = true,
    };

    public static OptimizerTarget PostgisLike { get; } = new()
    {
        Name = "postgis-like", HasNativeDWithin = true, MaterializesSharedCtes = true, SupportsTempTables = true, SupportsViews = true,
        NeedsExplicitSpatialIndex = true, SupportsSpatialIndex = true, SupportsSubdivide = true,
    };

    /// <summary>Runs one pass, checks the IR is still valid, and returns the IR text after it (without the header line).</summary>
    public static string After(OptimizerPass pass, Workflow workflow, OptimizerTarget? target = null)
    {
        var result = pass.Run(workflow, target ?? OptimizerTarget.Conservative);
        Assert.Empty(IrValidator.Validate(result));
        return Body(result);
    }

    public static string Body(Workflow workflow) => string.Join("\n", IrPrinter.Print(workflow).Split('\n').Skip(1)).TrimEnd('\n');

    /// <summary>A pass that changes nothing must return the same instance (the pass manager relies on it).</summary>
    public static void AssertUnchanged(OptimizerPass pass, Workflow workflow, OptimizerTarget? target = null) =>
        Assert.Same(workflow, pass.Run(workflow, target ?? OptimizerTarget.Conservative));

    /// <summary>Runs the pass to its own fixed point and checks the second run changes nothing.</summary>
    public static Workflow Settle(OptimizerPass pass, Workflow workflow, OptimizerTarget? target = null)
    {
        var t = target ?? OptimizerTarget.Conservative;
        var once = pass.Run(workflow, t);
        for (int i = 0; i < 5 && !ReferenceEquals(once, workflow); i++)
        {
            workflow = once;
            once = pass.Run(workflow, t);
        }
        Assert.Same(workflow, once);
        return workflow;
    }
}
