using Cwf.Ir;
using Cwf.Planning;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Planning;

/// <summary>The planner and the emitter keep per-node state by topological position, found from a node's id through the workflow's index.</summary>
public sealed class NodePositionsTests
{
    private static Workflow Chain(int scan, int filter, int sink) => new("w", [],
    [
        // Out of order: the workflow sorts them, and a position is a place in that order.
        new SinkNode(sink, "out", filter, Table("out"), WriteMode.Replace),
        new FilterNode(filter, "f", scan, ExprFactory.Binary(BinaryOp.Greater, new ColumnRef("population", SqlType.Int64), Int(5)), FilterBranch.Match),
        new ScanNode(scan, "cities", Table("cities"), Cities),
    ]);

    [Theory]
    [InlineData(1, 2, 3)]
    // Ids far apart (a hand-made workflow): looked up without an array as long as the largest id.
    [InlineData(7, 5_000_000, 12)]
    public void Each_id_maps_to_its_place_in_topological_order(int scan, int filter, int sink)
    {
        var workflow = Chain(scan, filter, sink);
        var positions = new NodePositions(workflow);
        Assert.Equal(3, positions.Count);
        for (int i = 0; i < workflow.Nodes.Length; i++) Assert.Equal(i, positions[workflow.Nodes[i].Id]);
        Assert.Equal([0, 1, 2], new[] { positions[scan], positions[filter], positions[sink] });
    }

    [Theory]
    [InlineData(1, 2, 3, 4)]
    [InlineData(1, 2, 3, 0)]
    [InlineData(1, 2, 3, -1)]
    [InlineData(7, 5_000_000, 12, 8)]
    public void An_id_the_workflow_does_not_hold_is_refused(int scan, int filter, int sink, int missing)
    {
        var positions = new NodePositions(Chain(scan, filter, sink));
        Assert.Throws<KeyNotFoundException>(() => positions[missing]);
    }
}
