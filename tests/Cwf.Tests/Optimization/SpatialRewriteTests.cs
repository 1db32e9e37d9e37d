using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class SpatialDistanceToDWithinTests
{
    private static readonly SpatialDistanceToDWithin Pass = new();

    private static Workflow DistanceJoin(BinaryOp op, Expr limit, bool distanceOnLeft = true)
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var distance = ExprFactory.Call(Functions.Distance, b.Col(cities.Id, "geom"), b.Col(countries.Id, "geom", 1));
        var condition = distanceOnLeft ? ExprFactory.Binary(op, distance, limit) : ExprFactory.Binary(op, limit, distance);
        var join = b.Join(cities.Id, countries.Id, JoinKind.Inner, condition, [new JoinOutput(0, "id", "id"), new JoinOutput(1, "code", "code")], "near");
        b.Sink(join.Id, Table("out"), WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    [Fact]
    public void At_most_becomes_dwithin_in_either_orientation()
    {
        Assert.Contains("on st_dwithin(geom, [1].geom, 1000.0)", After(Pass, DistanceJoin(BinaryOp.LessOrEqual, Literal.Float(1000)), BigQueryLike));
        Assert.Contains("on st_dwithin(geom, [1].geom, 1000.0)", After(Pass, DistanceJoin(BinaryOp.GreaterOrEqual, Literal.Float(1000), distanceOnLeft: false), BigQueryLike));
    }

    [Fact]
    public void Strictly_less_keeps_the_comparison_and_gains_a_dwithin_prefilter_once()
    {
        var once = Pass.Run(DistanceJoin(BinaryOp.Less, Literal.Float(1000)), BigQueryLike);
        Assert.Contains("on (st_dwithin(geom, [1].geom, 1000.0) and (st_distance(geom, [1].geom) < 1000.0))", Body(once));
        Assert.Same(once, Pass.Run(once, BigQueryLike));
    }

    [Fact]
    public void Negative_or_non_literal_thresholds_and_targets_without_dwithin_are_left_alone()
    {
        AssertUnchanged(Pass, DistanceJoin(BinaryOp.LessOrEqual, Literal.Float(-1)), BigQueryLike);
        AssertUnchanged(Pass, DistanceJoin(BinaryOp.LessOrEqual, new ParamRef("d", SqlType.Float64)), BigQueryLike);
        AssertUnchanged(Pass, DistanceJoin(BinaryOp.LessOrEqual, Literal.Float(1000)), OptimizerTarget.Conservative);
    }
}

public class SpatialBufferToDWithinTests
{
    private static readonly SpatialBufferToDWithin Pass = new();

    /// <summary>The canvas shape: buffer step adds geom_buffer, spatial join intersects it with countries, group by country code.</summary>
    private static (Workflow Workflow, int Buffer) BufferJoin(bool keepBufferInOutput)
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var buffer = b.Project(cities.Id, [b.Keep(cities.Id, "id"), b.Keep(cities.Id, "geom"),
            new("geom_buffer", ExprFactory.Call(Functions.Buffer, b.Col(cities.Id, "geom"), Literal.Float(10_000)))], "buffer");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        JoinOutput[] outputs = keepBufferInOutput
            ? [new(0, "id", "id"), new(0, "geom_buffer", "geom_buffer"), new(1, "code", "code_joined")]
            : [new(0, "id", "id"), new(1, "code", "code_joined")];
        var join = b.Join(buffer.Id, countries.Id, JoinKind.Inner,
            ExprFactory.Call(Functions.Intersects, b.Col(buffer.Id, "geom_buffer"), b.Col(countries.Id, "geom", 1)), outputs, "join");
        b.Sink(join.Id, Table("out"), WriteMode.Replace, "out");
        return (b.ToWorkflow(), buffer.Id);
    }

    [Fact]
    public void A_buffer_used_only_by_the_join_condition_becomes_dwithin_and_pruning_drops_it()
    {
        var (w, buffer) = BufferJoin(keepBufferInOutput: false);
        var rewritten = Pass.Run(w, BigQueryLike);
        Assert.Contains("on st_dwithin(geom, [1].geom, 10000.0)", Body(rewritten));
        var pruned = new ProjectionPruning().Run(rewritten, BigQueryLike);
        Assert.Empty(IrValidator.Validate(pruned));
        Assert.DoesNotContain("st_buffer", Body(pruned));
    }

    [Fact]
    public void Not_when_the_buffer_is_otherwise_used_nor_on_a_target_where_buffers_are_faster()
    {
        AssertUnchanged(Pass, BufferJoin(keepBufferInOutput: true).Workflow, BigQueryLike);
        // PostGIS: dwithin on geography against complex polygons measured far slower (performance.md).
        AssertUnchanged(Pass, BufferJoin(keepBufferInOutput: false).Workflow, PostgisLike);
    }

    [Fact]
    public void Inline_buffer_in_a_filter_is_rewritten_with_the_arguments_in_order()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var point = ExprFactory.Call(Functions.Point, Literal.Float(2.35), Literal.Float(48.85));
        var f = b.Filter(cities.Id, ExprFactory.Call(Functions.Intersects, point, ExprFactory.Call(Functions.Buffer, b.Col(cities.Id, "geom"), Literal.Int(500))), FilterBranch.Match, "near_paris");
        b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Contains("filter %1 st_dwithin(geom, st_point(2.35, 48.85), 500)", After(Pass, b.ToWorkflow(), BigQueryLike));
    }

    [Fact]
    public void A_zero_buffer_is_not_rewritten()
    {
        var b = new WorkflowBuilder("t");
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var semi = b.SemiJoin(cities.Id, countries.Id,
            ExprFactory.Call(Functions.Intersects, ExprFactory.Call(Functions.Buffer, b.Col(cities.Id, "geom"), Literal.Float(0)), b.Col(countries.Id, "geom", 1)), false, "s");
        b.Sink(semi.Id, Table("out"), WriteMode.Replace, "out");
        AssertUnchanged(Pass, b.ToWorkflow(), BigQueryLike);
    }
}
