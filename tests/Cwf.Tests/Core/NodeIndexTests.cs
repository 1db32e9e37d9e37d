using Cwf.Ir;

namespace Cwf.Tests.Core;

public class NodeIndexTests
{
    private static readonly Schema Ab = new([new Column("a", SqlType.Int64), new Column("b", SqlType.String)]);

    private static ScanNode Scan(int id) => new(id, $"s{id}", TableName.TryParse("x.y")!, Ab);

    // Small ids take the array, ids far above the node count or below zero the dictionary: both must answer alike.
    [Theory]
    [InlineData(new[] { 3, 1, 7 })]
    [InlineData(new[] { 0, 2, 5 })]
    [InlineData(new[] { 1_000_000, 4, 9 })]
    [InlineData(new[] { -4, 2, 11 })]
    public void Positions_are_found_by_id_and_missing_ids_are_minus_one(int[] ids)
    {
        var index = new NodeIndex([.. ids.Select(Scan)]);
        for (int i = 0; i < ids.Length; i++) Assert.Equal(i, index.PositionOf(ids[i]));
        foreach (var missing in new[] { -1, 6, 8, 12, 999_999, 1_000_001, int.MaxValue, int.MinValue })
            if (!ids.Contains(missing)) Assert.Equal(-1, index.PositionOf(missing));
        Assert.Equal(Math.Max(0, ids.Max()), index.LargestId);
    }

    [Theory]
    [InlineData(new[] { 3, 1, 3 })]
    [InlineData(new[] { 1_000_000, 4, 1_000_000 })]
    public void Two_nodes_with_one_id_are_rejected(int[] ids) =>
        Assert.Throws<InvalidOperationException>(() => new NodeIndex([.. ids.Select(Scan)]));

    [Fact]
    public void A_workflow_with_sparse_ids_sorts_looks_up_and_counts_readers_as_one_with_dense_ids()
    {
        static Workflow Build(int scale)
        {
            var scan = new ScanNode(5 * scale, "s", TableName.TryParse("x.y")!, Ab);
            var filter = new FilterNode(2 * scale, "f", 5 * scale, Literal.Bool(true), FilterBranch.Match);
            var union = new UnionAllNode(7 * scale, "u", [2 * scale, 5 * scale]);
            return new Workflow("w", [], [union, filter, scan]);
        }
        var dense = Build(1);
        var sparse = Build(1_000_000);
        Assert.Equal([5, 2, 7], dense.Nodes.Select(n => n.Id));
        Assert.Equal([5_000_000, 2_000_000, 7_000_000], sparse.Nodes.Select(n => n.Id));
        Assert.Equal(7_000_001, sparse.NextId);
        Assert.Equal(Ab, sparse[7_000_000].Schema);
        Assert.False(sparse.Contains(7));
        Assert.Throws<KeyNotFoundException>(() => sparse[3]);
        Assert.Equal(new[] { 2_000_000, 7_000_000 }, sparse.Consumers()[5_000_000].ToArray());
        Assert.Equal(new[] { 2, 7 }, dense.Consumers()[5].ToArray());
        Assert.Empty(dense.Consumers()[7]);
    }

    [Fact]
    public void A_node_reading_a_missing_node_is_reported()
    {
        var filter = new FilterNode(2, "f", 40, Literal.Bool(true), FilterBranch.Match);
        var error = Assert.Throws<InvalidOperationException>(() => new Workflow("w", [], [Scan(1), filter]));
        Assert.Contains("reads missing node 40", error.Message);
    }
}
